using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Assistant;
using Rapport.Desk.Assistant;
using static Rapport.Server.Tests.Assistant.AssistantDesk;

namespace Rapport.Server.Tests.Assistant;

/// <summary>The seam for the optional generative path: a registered refiner rewrites answers; when it fails, the composed reply goes out.</summary>
public abstract class RefinerTests(RefinerDeskFixture server)
{
    private const string Question = "How do I reset my password?";

    private readonly AssistantDesk _desk = new(server);

    [Fact]
    public async Task A_registered_refiner_rewrites_an_answer_and_is_told_the_turn_and_the_passages()
    {
        server.Refiner.Behave(TestRefiner.Mode.Generate);
        var started = await _desk.StartAsync(Question, name: "Gene Rated");

        var answer = Answer(Assert.Single(AssistantMessages(started)));
        Assert.True(answer.GetProperty("generated").GetBoolean());
        Assert.Equal("reset-password", answer.GetProperty("articleSlug").GetString());
        Assert.StartsWith(TestRefiner.Prefix, Assert.Single(AssistantMessages(started)).GetProperty("body").GetString(), StringComparison.Ordinal);

        var call = server.Refiner.Calls.Last();
        Assert.Equal(Question, call.Turn.CustomerMessages[^1]);
        Assert.Equal("Gene Rated", call.Turn.CustomerName);
        Assert.Equal("reset-password", call.Passages[0].ArticleSlug);
        Assert.All(call.Passages, p => Assert.True(p.Confidence >= 0.5));
        Assert.True(call.Composed.Answered);
    }

    [Fact]
    public async Task A_refiner_that_throws_rejects_or_times_out_leaves_the_composed_reply()
    {
        foreach (var (mode, note) in new[]
        {
            (TestRefiner.Mode.Throw, "the refiner failed: InvalidOperationException"),
            (TestRefiner.Mode.Reject, TestRefiner.RejectReason),
            (TestRefiner.Mode.Hang, "timed out after 0.5 s"),
        })
        {
            server.Refiner.Behave(mode);
            var started = await _desk.StartAsync(Question, name: $"Composed {mode}");
            var reply = Assert.Single(AssistantMessages(started));
            var answer = Answer(reply);
            Assert.False(answer.GetProperty("generated").GetBoolean());
            Assert.Equal(note, answer.GetProperty("refinerNote").GetString());
            Assert.Equal("reset-password", answer.GetProperty("articleSlug").GetString());
            Assert.DoesNotContain(TestRefiner.Prefix, reply.GetProperty("body").GetString(), StringComparison.Ordinal);
            Assert.Contains(AssistantComposer.OfferOfPerson, reply.GetProperty("body").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_refiner_is_not_asked_about_hand_offs_or_misses()
    {
        server.Refiner.Behave(TestRefiner.Mode.Generate);
        var before = server.Refiner.Calls.Count;
        var handedOff = await _desk.StartAsync("My account was hacked and someone changed my password!", name: "Sec Urity");
        Assert.Contains("security", Reasons(handedOff.GetProperty("handOff")));
        var missed = await _desk.StartAsync("Do you sell replacement parts for a 1970s typewriter?", name: "Miss Ed");
        Assert.Equal("noAnswer", Answer(Assert.Single(AssistantMessages(missed))).GetProperty("kind").GetString());
        Assert.Equal(before, server.Refiner.Calls.Count);
        Assert.All(AssistantMessages(handedOff).Concat(AssistantMessages(missed)), m => Assert.False(Answer(m).GetProperty("generated").GetBoolean()));
    }
}

/// <summary>A refiner whose behaviour the test sets: generate, throw, reject, or hang until cancelled.</summary>
public sealed class TestRefiner : IAssistantReplyRefiner
{
    public const string Prefix = "GENERATED: ";

    public const string RejectReason = "the guard: the reply cites no passage";

    private volatile Mode _mode = Mode.Generate;

    public enum Mode
    {
        Generate,
        Throw,
        Reject,
        Hang,
    }

    public List<(AssistantTurn Turn, AssistantReply Composed, IReadOnlyList<AssistantPassage> Passages)> Calls { get; } = [];

    public void Behave(Mode mode) => _mode = mode;

    public async Task<RefinedReply> RefineAsync(AssistantTurn turn, AssistantReply composed, IReadOnlyList<AssistantPassage> passages, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add((turn, composed, passages));
        }

        switch (_mode)
        {
            case Mode.Throw:
                throw new InvalidOperationException("the model endpoint is down");
            case Mode.Reject:
                return new RefinedReply(composed.Text, false, RejectReason);
            case Mode.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            default:
                return new RefinedReply(Prefix + passages[0].Text, true, null);
        }
    }
}

/// <summary>The demo desk with <see cref="TestRefiner"/> registered (through the fixture's Configure hook) and a half-second refiner timeout.</summary>
public abstract class RefinerDeskFixture : ServerFixture
{
    public TestRefiner Refiner { get; } = new();

    protected override bool SeedDemo => true;

    protected override IEnumerable<string> ExtraArguments => ["--Rapport:Assistant:RefinerTimeoutSeconds", "0.5"];

    protected override void Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IAssistantReplyRefiner>(Refiner);
    }
}

public sealed class RefinerDeskSqliteFixture : RefinerDeskFixture
{
    public override TestDatabase Database => TestDatabase.Sqlite;
}

public sealed class RefinerDeskPostgreSqlFixture : RefinerDeskFixture
{
    public override TestDatabase Database => TestDatabase.PostgreSql;
}

public sealed class RefinerTestsOnSqlite(RefinerDeskSqliteFixture server) : RefinerTests(server), IClassFixture<RefinerDeskSqliteFixture>;

public sealed class RefinerTestsOnPostgreSql(RefinerDeskPostgreSqlFixture server) : RefinerTests(server), IClassFixture<RefinerDeskPostgreSqlFixture>;
