using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rapport.Core.Assistant;
using Rapport.Core.Emotions;
using Rapport.Desk.Assistant;
using Rapport.Server.Assistant;

namespace Rapport.Server.Tests.Assistant;

/// <summary>The refiner against a real HTTP endpoint speaking the OpenAI chat-completions protocol.</summary>
public sealed class GenerativeReplyRefinerTests : IAsyncLifetime
{
    private const string Message = "I returned my jacket two weeks ago and I'm worried the refund got lost. When will I get it?";
    private const string Key = "sk-test-4f1c";
    private const string Model = "local-llama";

    private const string Faithful =
        "Hi Maria, I completely understand how worrying it is to wait for a refund, and thank you for checking with us. " +
        "Once we issue it, the money usually appears within 3 to 5 working days on cards and 1 day on PayPal [1]. " +
        "It goes back to the card or account you paid with [2].";

    private static readonly AssistantPassage[] Passages =
    [
        new("refund-timing", "When will I get my refund?", "After we issue it, the money usually appears within **3–5 working days** on cards, 1 day on PayPal.", 0.8),
        new("refund-method", "Where does my refund go?", "Refunds go back to the card or account you paid with.", 0.55),
    ];

    private static readonly AssistantTurn Turn = new([Message], EmotionAnalyzer.Default.Analyze(Message), "Maria Lopez", Passages[0], Seed: 1);

    private FakeChatCompletionsServer _model = null!;

    // Per test, not static: a failure here (AssistantComposer's regexes time out on a badly overloaded machine) then
    // fails one test instead of poisoning the type for all of them.
    private AssistantReply Composed { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Composed = AssistantComposer.Default.Reply(Turn);
        _model = await FakeChatCompletionsServer.StartAsync();
    }

    public async Task DisposeAsync() => await _model.DisposeAsync();

    private GenerativeReplyRefiner Refiner(int timeoutSeconds = 10)
    {
        var options = new GenerativeAssistantOptions { Enabled = true, Endpoint = _model.Endpoint, ApiKey = Key, Model = Model, TimeoutSeconds = timeoutSeconds };
        return new GenerativeReplyRefiner(
            GenerativeAssistantSetup.CreateChatClient(options), Options.Create(options), TimeProvider.System, NullLogger<GenerativeReplyRefiner>.Instance);
    }

    [Fact]
    public async Task A_faithful_generated_reply_is_sent_without_its_markers()
    {
        _model.Reply = Faithful;

        var refined = await Refiner().RefineAsync(Turn, Composed, Passages, CancellationToken.None);

        Assert.True(refined.Generated, refined.RejectedBecause);
        Assert.Null(refined.RejectedBecause);
        Assert.StartsWith("Hi Maria, I completely understand", refined.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("[1]", refined.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("[2]", refined.Text, StringComparison.Ordinal);
        Assert.EndsWith(AssistantComposer.OfferOfPerson, refined.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_carries_the_key_the_model_the_numbered_passages_and_the_customer()
    {
        _model.Reply = Faithful;

        await Refiner().RefineAsync(Turn, Composed, Passages, CancellationToken.None);

        var request = Assert.Single(_model.Requests);
        Assert.Equal("Bearer " + Key, request.Authorization);
        Assert.Equal(Model, request.Body.GetProperty("model").GetString());
        Assert.Contains("[1] (When will I get my refund?) After we issue it", request.Prompt, StringComparison.Ordinal);
        Assert.Contains("[2] (Where does my refund go?) Refunds go back", request.Prompt, StringComparison.Ordinal);
        Assert.Contains("Customer's name: Maria Lopez", request.Prompt, StringComparison.Ordinal);
        Assert.Contains("> " + Message, request.Prompt, StringComparison.Ordinal);
        Assert.Contains("worry", request.Prompt, StringComparison.Ordinal);
        Assert.Contains("Use only the facts in the numbered help-centre passages", request.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generated_reply_with_an_invented_fact_falls_back_to_the_composed_reply_with_the_reason()
    {
        _model.Reply = Faithful.Replace("3 to 5 working days", "24 hours", StringComparison.Ordinal);

        var refined = await Refiner().RefineAsync(Turn, Composed, Passages, CancellationToken.None);

        Assert.False(refined.Generated);
        Assert.Equal(Composed.Text, refined.Text);
        Assert.Contains("duration 24:hour", refined.RejectedBecause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_falls_back_to_the_composed_reply()
    {
        _model.FailWith = 500;

        var refined = await Refiner().RefineAsync(Turn, Composed, Passages, CancellationToken.None);

        Assert.False(refined.Generated);
        Assert.Equal(Composed.Text, refined.Text);
        Assert.StartsWith("the model call failed", refined.RejectedBecause, StringComparison.Ordinal);
        Assert.Single(_model.Requests);
    }

    [Fact]
    public async Task A_model_that_does_not_answer_in_time_falls_back_to_the_composed_reply()
    {
        _model.Hang = true;

        var refined = await Refiner(timeoutSeconds: 1).RefineAsync(Turn, Composed, Passages, CancellationToken.None);

        Assert.False(refined.Generated);
        Assert.Equal(Composed.Text, refined.Text);
        Assert.Equal("the model did not answer within 1 s", refined.RejectedBecause);
    }

    [Fact]
    public async Task An_empty_answer_falls_back_to_the_composed_reply()
    {
        _model.Reply = "  ";

        var refined = await Refiner().RefineAsync(Turn, Composed, Passages, CancellationToken.None);

        Assert.False(refined.Generated);
        Assert.Equal(Composed.Text, refined.Text);
        Assert.Equal("the model's reply was empty", refined.RejectedBecause);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_swallowed()
    {
        _model.Hang = true;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Refiner().RefineAsync(Turn, Composed, Passages, cancelled.Token));
    }

    [Fact]
    public async Task No_passages_means_no_model_call()
    {
        var refined = await Refiner().RefineAsync(Turn, Composed, [], CancellationToken.None);

        Assert.False(refined.Generated);
        Assert.Equal(Composed.Text, refined.Text);
        Assert.Empty(_model.Requests);
    }
}
