using System.Net;
using System.Net.Http.Json;
using Rapport.Core.Assistant;
using static Rapport.Server.Tests.Assistant.AssistantDesk;

namespace Rapport.Server.Tests.Assistant;

/// <summary>
/// The whole generative path as configured in production: the server's own setup (<c>Rapport:Assistant:Generative</c>)
/// talks to a stand-in OpenAI-compatible endpoint on 127.0.0.1; a customer's chat message is answered with the model's
/// reply when the guard accepts it, and with the composed reply when the model invents a fact.
/// </summary>
public sealed class GenerativeAssistantEndToEndTests(GenerativeDeskFixture server) : IClassFixture<GenerativeDeskFixture>
{
    private const string Question = "I returned my jacket two weeks ago and I'm worried the refund got lost. When will I get my refund?";

    private const string Faithful =
        "Hi Maria, I completely understand how worrying it is to wait for a refund, and thank you for checking with us. " +
        "Once we issue it, the money usually appears within 3 to 5 working days on cards and 1 day on PayPal [1].";

    private readonly AssistantDesk _desk = new(server);

    [Fact]
    public async Task A_faithful_model_reply_is_sent_and_one_with_an_invented_fact_gives_way_to_the_composed_reply()
    {
        using var created = await server.Client.PutAsJsonAsync("/api/v1/knowledge/slug/refund-timing", new
        {
            title = "When will I get my refund?",
            body = "## Refund timing\n\nAfter we issue it, the money usually appears within **3–5 working days** on cards, 1 day on PayPal.",
            tags = new[] { "refund" },
            questions = new[] { "I returned my jacket weeks ago and I'm worried the refund got lost" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        server.Model.Reply = Faithful;
        var started = await _desk.StartAsync(Question, name: "Maria Lopez");
        Assert.True(AssistantMessages(started).Count == 1, started.ToString());
        var accepted = AssistantMessages(started)[0];
        var body = accepted.GetProperty("body").GetString()!;
        Assert.True(Answer(accepted).GetProperty("generated").GetBoolean(), $"{server.Model.Requests.Count} model calls; {accepted}");
        Assert.Equal("refund-timing", Answer(accepted).GetProperty("articleSlug").GetString());
        Assert.StartsWith("Hi Maria, I completely understand", body, StringComparison.Ordinal);
        Assert.DoesNotContain("[1]", body, StringComparison.Ordinal);
        var request = Assert.Single(server.Model.Requests);
        Assert.Contains("3–5 working days", request.Prompt, StringComparison.Ordinal);
        Assert.Contains("> " + Question, request.Prompt, StringComparison.Ordinal);

        server.Model.Reply = Faithful.Replace("3 to 5 working days", "24 hours", StringComparison.Ordinal);
        var rejected = Assert.Single(AssistantMessages(await _desk.StartAsync(Question, name: "Mario Lopez")));
        body = rejected.GetProperty("body").GetString()!;
        Assert.False(Answer(rejected).GetProperty("generated").GetBoolean());
        Assert.Contains("24:hour", Answer(rejected).GetProperty("refinerNote").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("24 hours", body, StringComparison.Ordinal);
        Assert.Contains("3–5 working days", body, StringComparison.Ordinal);
        Assert.Contains(AssistantComposer.OfferOfPerson, body, StringComparison.Ordinal);
        Assert.Equal(2, server.Model.Requests.Count);
    }
}

/// <summary>An empty desk whose generative assistant is switched on and pointed at a <see cref="FakeChatCompletionsServer"/>.</summary>
public sealed class GenerativeDeskFixture : ServerFixture
{
    public FakeChatCompletionsServer Model { get; private set; } = null!;

    public override TestDatabase Database => TestDatabase.Sqlite;

    protected override bool SeedDemo => false;

    protected override IEnumerable<string> ExtraArguments =>
    [
        "--Rapport:Assistant:Generative:Enabled", "true",
        "--Rapport:Assistant:Generative:Endpoint", Model.Endpoint,
        "--Rapport:Assistant:Generative:ApiKey", "sk-end-to-end",
        "--Rapport:Assistant:Generative:Model", "local-model",
    ];

    protected override async Task BeforeStartAsync() => Model = await FakeChatCompletionsServer.StartAsync();

    protected override async Task AfterStopAsync() => await Model.DisposeAsync();
}
