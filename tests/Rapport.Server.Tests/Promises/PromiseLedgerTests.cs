using System.Net;
using System.Text.Json;

namespace Rapport.Server.Tests.Promises;

/// <summary>The promise ledger end to end on a fake clock: detected and stored, reminded, broken (priority up), kept.</summary>
public abstract class PromiseLedgerTests(Sla.FakeClockDeskFixture server)
{
    private async Task<JsonElement> OnlyPromiseAsync(long conversation)
    {
        var promises = await server.GetJsonAsync($"/api/v1/conversations/{conversation}/promises");
        return Assert.Single(promises.EnumerateArray());
    }

    [Fact]
    public async Task A_promise_in_a_reply_is_stored_reminded_before_due_and_broken_at_due_raising_the_priority()
    {
        var (_, agent) = await LoopDesk.TeamWithAgentAsync(server);
        var id = await LoopDesk.StartAsync(server, "My kettle stopped working after two days. Can someone help?", agent);
        var repliedAt = server.Time.GetUtcNow();
        await LoopDesk.ReplyAsync(server, id, agent, "I am sorry your new kettle let you down. I will call you back within 3 hours with a fix.");

        var promise = await OnlyPromiseAsync(id);
        Assert.Equal("callBack", promise.GetProperty("kind").GetString());
        Assert.Equal("open", promise.GetProperty("status").GetString());
        Assert.Equal(agent, promise.GetProperty("agentId").GetInt64());
        Assert.Equal(repliedAt.AddHours(3), promise.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(repliedAt.AddHours(2), promise.GetProperty("remindAt").GetDateTimeOffset());
        Assert.Contains("call you back within 3 hours", promise.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(promise.GetProperty("reminded").GetBoolean());

        server.Time.Advance(TimeSpan.FromMinutes(119));
        await server.SweepAsync();
        Assert.False((await OnlyPromiseAsync(id)).GetProperty("reminded").GetBoolean());

        server.Time.Advance(TimeSpan.FromMinutes(1));
        await server.SweepAsync();
        var mine = await server.GetJsonAsync($"/api/v1/promises?agentId={agent}&status=open");
        var reminded = Assert.Single(mine.EnumerateArray());
        Assert.True(reminded.GetProperty("reminded").GetBoolean());
        var before = (await LoopDesk.ConversationAsync(server, id)).GetProperty("conversation");

        server.Time.Advance(TimeSpan.FromHours(1));
        await server.SweepAsync();
        await server.SweepAsync();
        var broken = await OnlyPromiseAsync(id);
        Assert.Equal("broken", broken.GetProperty("status").GetString());
        var after = (await LoopDesk.ConversationAsync(server, id)).GetProperty("conversation");
        Assert.StartsWith("promise broken: call back", after.GetProperty("priorityReason").GetString(), StringComparison.Ordinal);
        Assert.True(after.GetProperty("priority").GetDouble() >= before.GetProperty("priority").GetDouble() + 14.9);
        Assert.Single((await server.GetJsonAsync($"/api/v1/promises?agentId={agent}&status=broken")).EnumerateArray());

        // Kept late: the bump goes.
        var kept = await server.PostJsonAsync($"/api/v1/promises/{broken.GetProperty("id").GetInt64()}/kept", new { }, 200);
        Assert.Equal("kept", kept.GetProperty("status").GetString());
        Assert.DoesNotContain("promise broken", (await LoopDesk.ConversationAsync(server, id)).GetProperty("conversation").GetProperty("priorityReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kept_promise_is_never_broken_and_the_customer_view_lists_only_open_ones()
    {
        var (_, agent) = await LoopDesk.TeamWithAgentAsync(server);
        var id = await LoopDesk.StartAsync(server, "I still have not received the return label.", agent);
        await LoopDesk.CustomerWritesAsync(server, id, "I'll call my bank tomorrow if this goes on.");
        Assert.Empty((await server.GetJsonAsync($"/api/v1/conversations/{id}/promises")).EnumerateArray());

        await LoopDesk.ReplyAsync(server, id, agent, "Thanks for your patience. I will send you the return label within 2 hours.");
        var promise = await OnlyPromiseAsync(id);
        Assert.Equal("send", promise.GetProperty("kind").GetString());
        var customer = (await LoopDesk.ConversationAsync(server, id)).GetProperty("conversation").GetProperty("customerId").GetInt64();
        Assert.Single((await server.GetJsonAsync($"/api/v1/customers/{customer}/promises?status=open")).EnumerateArray());

        server.Time.Advance(TimeSpan.FromMinutes(30));
        var kept = await server.PostJsonAsync($"/api/v1/promises/{promise.GetProperty("id").GetInt64()}/kept", new { }, 200);
        Assert.Equal("kept", kept.GetProperty("status").GetString());
        Assert.Equal(server.Time.GetUtcNow(), kept.GetProperty("keptAt").GetDateTimeOffset());
        await server.PostJsonAsync($"/api/v1/promises/{promise.GetProperty("id").GetInt64()}/kept", new { }, 200);

        server.Time.Advance(TimeSpan.FromHours(3));
        await server.SweepAsync();
        var after = await OnlyPromiseAsync(id);
        Assert.Equal("kept", after.GetProperty("status").GetString());
        Assert.False(after.GetProperty("reminded").GetBoolean());
        Assert.DoesNotContain("promise broken", (await LoopDesk.ConversationAsync(server, id)).GetProperty("conversation").GetProperty("priorityReason").GetString(), StringComparison.Ordinal);
        Assert.Empty((await server.GetJsonAsync($"/api/v1/customers/{customer}/promises?status=open")).EnumerateArray());
    }

    [Fact]
    public async Task Bad_promise_requests_get_problem_details()
    {
        using (var r = await server.Client.PostAsync(new Uri("/api/v1/promises/987654/kept", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }

        using (var r = await server.Client.GetAsync(new Uri("/api/v1/promises?status=maybe", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("status", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var r = await server.Client.GetAsync(new Uri("/api/v1/conversations/987654/promises", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }
    }
}

public sealed class PromiseLedgerTestsOnSqlite(Sla.FakeClockDeskSqliteFixture server) : PromiseLedgerTests(server), IClassFixture<Sla.FakeClockDeskSqliteFixture>;

public sealed class PromiseLedgerTestsOnPostgreSql(Sla.FakeClockDeskPostgreSqlFixture server) : PromiseLedgerTests(server), IClassFixture<Sla.FakeClockDeskPostgreSqlFixture>;
