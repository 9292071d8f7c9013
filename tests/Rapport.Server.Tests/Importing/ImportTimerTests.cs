using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Desk.Data;
using Rapport.Desk.FollowUps;
using Rapport.Desk.Promises;
using Rapport.Desk.Sla;
using Rapport.Server.Tests.Promises;

namespace Rapport.Server.Tests.Importing;

/// <summary>
/// What an import starts (docs/import.md, "Timers"), on a fake clock with the sweeper driven by the test, through
/// <c>POST /api/v1/import</c> in batches of two lines (so conversations cross batches and the stored-conversation path
/// runs too): an open conversation's clock warns and breaches on time; already-late ones start breached with one summary
/// per lead; a promise still due is reminded and broken on time, a past-due one is not recorded; a pending conversation
/// gets the quiet reminder once then closes; a re-import starts nothing; a live reply after the import behaves as before.
/// Every chat band is 10 minutes first response, 20 next.
/// </summary>
public abstract class ImportTimerTests(Sla.FakeClockDeskFixture server)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private static string Line(string conversation, string customer, string author, DateTimeOffset at, string text, string? agentEmail = null) =>
        JsonSerializer.Serialize(new
        {
            conversation,
            customer,
            author,
            timestamp = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            channel = "chat",
            text,
            agentEmail,
        });

    private async Task<JsonElement> ImportAsync(params string[] lines)
    {
        using var content = new StringContent(string.Join('\n', lines) + "\n", Encoding.UTF8, "application/x-ndjson");
        using var response = await server.Client.PostAsync(new Uri("/api/v1/import", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"import: {(int)response.StatusCode} {text}");
        var report = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Empty(report.GetProperty("rejected").EnumerateArray());
        return report;
    }

    private static (int Clocks, int Breached, int Promises, int Quiet) Timers(JsonElement report)
    {
        var t = report.GetProperty("timers");
        return (t.GetProperty("slaClocks").GetInt32(), t.GetProperty("slaBreached").GetInt32(), t.GetProperty("promises").GetInt32(), t.GetProperty("quietFollowUps").GetInt32());
    }

    private async Task<T> DbAsync<T>(Func<RapportDbContext, Task<T>> query)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RapportDbContext>());
    }

    private Task<long> IdAsync(string key) => DbAsync(db => db.Conversations.Where(c => c.ExternalKey == key).Select(c => c.Id).SingleAsync());

    private async Task SetChatPoliciesAsync()
    {
        foreach (var band in new[] { "low", "normal", "high", "urgent" })
        {
            using var put = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/sla/policies/chat/{band}", UriKind.Relative), new { firstResponseMinutes = 10, nextResponseMinutes = 20 });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
    }

    private async Task<(long Team, long Agent, string AgentEmail, long Lead)> DeskAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var team = (await server.PostJsonAsync("/api/v1/teams", new { name = "Import team " + suffix }, 201)).GetProperty("id").GetInt64();
        var email = $"agent.{suffix}@example.com";
        var agent = (await server.PostJsonAsync("/api/v1/agents", new { name = "Agent " + suffix, email, teamId = team, role = "agent" }, 201)).GetProperty("id").GetInt64();
        var lead = (await server.PostJsonAsync("/api/v1/agents", new { name = "Lead " + suffix, email = $"lead.{suffix}@example.com", teamId = team, role = "lead" }, 201)).GetProperty("id").GetInt64();
        return (team, agent, email, lead);
    }

    private async Task<JsonElement> SlaAsync(long id) =>
        (await server.GetJsonAsync($"/api/v1/conversations/{id}")).GetProperty("conversation").GetProperty("sla");

    private async Task<List<JsonElement>> NotificationsAsync(long agent) =>
        [.. (await server.GetJsonAsync($"/api/v1/notifications?agentId={agent}&limit=200")).GetProperty("items").EnumerateArray()];

    private async Task<List<string>> KindsAsync(long agent, long conversation) =>
        [.. (await NotificationsAsync(agent)).Where(n => n.GetProperty("conversationId").GetInt64() == conversation)
            .Select(n => n.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal)];

    private Task<List<string>> AlertsAsync(long conversation) =>
        DbAsync(db => db.SlaAlerts.Where(a => a.ConversationId == conversation).OrderBy(a => a.Id).Select(a => a.Kind == SlaAlertKind.Breach ? "breach" : "warning").ToListAsync());

    private async Task<JsonElement[]> FollowUpsAsync(long conversation) =>
        [.. (await server.GetJsonAsync($"/api/v1/follow-ups?conversationId={conversation}")).EnumerateArray()];

    private async Task SweepAsync()
    {
        // Twice: a handler that schedules its next step at a time already passed is picked up by the second sweep.
        await server.SweepAsync();
        await server.SweepAsync();
    }

    [Fact]
    public async Task An_imported_open_conversation_gets_a_clock_that_warns_and_breaches_on_time()
    {
        await SetChatPoliciesAsync();
        var desk = await DeskAsync();
        var now = server.Time.GetUtcNow();
        var key = $"{_run}-open";

        var report = await ImportAsync(Line(key, $"Ola {_run}", "customer", now.AddMinutes(-4), "Hello, could you tell me where my parcel is?"));

        Assert.Equal((1, 0, 0, 0), Timers(report));
        var id = await IdAsync(key);
        var sla = await SlaAsync(id);
        Assert.Equal("firstResponse", sla.GetProperty("kind").GetString());
        Assert.Equal("running", sla.GetProperty("state").GetString());
        Assert.Equal(10, sla.GetProperty("targetMinutes").GetInt32());
        Assert.Equal(now.AddMinutes(6), sla.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(360, sla.GetProperty("remainingSeconds").GetInt64());

        // The warning comes at three quarters of the target from the customer's message: 7.5 minutes, 3.5 from now.
        server.Time.Advance(TimeSpan.FromSeconds(209));
        await SweepAsync();
        Assert.Empty(await AlertsAsync(id));
        Assert.Empty(await KindsAsync(desk.Lead, id));

        server.Time.Advance(TimeSpan.FromSeconds(1));
        await SweepAsync();
        Assert.Equal(["warning"], await AlertsAsync(id));
        Assert.Equal(["slaWarning"], await KindsAsync(desk.Lead, id));

        server.Time.Advance(TimeSpan.FromSeconds(149));
        await SweepAsync();
        Assert.Equal(["warning"], await AlertsAsync(id));

        server.Time.Advance(TimeSpan.FromSeconds(1));
        await SweepAsync();
        Assert.Equal(["warning", "breach"], await AlertsAsync(id));
        Assert.Equal(["slaBreach", "slaWarning"], await KindsAsync(desk.Lead, id));
        Assert.Equal("breached", (await SlaAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Conversations_already_past_their_SLA_start_breached_with_one_summary_per_lead_across_requests()
    {
        await SetChatPoliciesAsync();
        var desk = await DeskAsync();
        var now = server.Time.GetUtcNow();
        string Key(int i) => $"{_run}-late-{i}";

        // Three lines, two batches: one summary all the same, pointing at the conversation overdue longest.
        var report = await ImportAsync(
            Line(Key(1), $"Lou {_run}", "customer", now.AddHours(-2), "Hi, my order has not arrived."),
            Line(Key(2), $"Lia {_run}", "customer", now.AddHours(-3), "Hello, I was charged twice."),
            Line(Key(3), $"Leo {_run}", "customer", now.AddHours(-1), "Good morning, my code does not work."));

        Assert.Equal((3, 3, 0, 0), Timers(report));
        var ids = new[] { await IdAsync(Key(1)), await IdAsync(Key(2)), await IdAsync(Key(3)) };
        foreach (var id in ids)
        {
            var sla = await SlaAsync(id);
            Assert.Equal("breached", sla.GetProperty("state").GetString());
            Assert.True(sla.GetProperty("breached").GetBoolean());
            Assert.Equal(["breach"], await AlertsAsync(id));
        }

        var summary = Assert.Single(await NotificationsAsync(desk.Lead), n => n.GetProperty("kind").GetString() == "importSlaBreached");
        Assert.Equal(3, summary.GetProperty("count").GetInt32());
        Assert.Equal("Import: 3 conversations already past their SLA", summary.GetProperty("title").GetString());
        Assert.Equal(ids[1], summary.GetProperty("conversationId").GetInt64());
        Assert.Equal((await SlaAsync(ids[1])).GetProperty("dueAt").GetDateTimeOffset(), summary.GetProperty("dueAt").GetDateTimeOffset());
        Assert.DoesNotContain(await NotificationsAsync(desk.Agent), n => n.GetProperty("kind").GetString() == "importSlaBreached");

        // The sweep has nothing to tell of them one by one.
        server.Time.Advance(TimeSpan.FromMinutes(5));
        await SweepAsync();
        foreach (var id in ids)
        {
            var oneByOne = (await KindsAsync(desk.Lead, id)).Where(k => k != "importSlaBreached");
            Assert.Empty(oneByOne);
            Assert.Equal(["breach"], await AlertsAsync(id));
        }

        // The next chunk of the same file (another request) adds to the unread summary.
        report = await ImportAsync(
            Line(Key(4), $"Lin {_run}", "customer", now.AddHours(-5), "Hi, the app crashes."),
            Line(Key(5), $"Lux {_run}", "customer", now.AddHours(-1), "Hello, where is my refund?"));
        Assert.Equal((2, 2, 0, 0), Timers(report));
        summary = Assert.Single(await NotificationsAsync(desk.Lead), n => n.GetProperty("kind").GetString() == "importSlaBreached");
        Assert.Equal(5, summary.GetProperty("count").GetInt32());
        Assert.Equal(await IdAsync(Key(4)), summary.GetProperty("conversationId").GetInt64());

        // Once read, the next import's late conversations get a new one.
        await server.PostJsonAsync($"/api/v1/notifications/{summary.GetProperty("id").GetInt64()}/read", new { });
        await ImportAsync(Line(Key(6), $"Lee {_run}", "customer", now.AddHours(-1), "Is anyone there?"));
        var summaries = (await NotificationsAsync(desk.Lead)).Where(n => n.GetProperty("kind").GetString() == "importSlaBreached").ToList();
        Assert.Equal([1, 5], summaries.Select(n => n.GetProperty("count").GetInt32()).Order());
        Assert.Equal("Import: 1 conversation already past its SLA", summaries.Single(n => !n.GetProperty("read").GetBoolean()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_promise_still_due_in_an_imported_reply_is_reminded_and_broken_on_time_and_a_past_due_one_is_not_recorded()
    {
        var desk = await DeskAsync();
        var now = server.Time.GetUtcNow();
        const string Reply = "I am sorry your kettle let you down. I will call you back within 3 hours with a fix.";
        var (due, past) = ($"{_run}-promise-due", $"{_run}-promise-past");

        var report = await ImportAsync(
            Line(due, $"Pat {_run}", "customer", now.AddMinutes(-90), "My kettle stopped working after two days."),
            Line(due, $"Pat {_run}", "agent", now.AddMinutes(-60), Reply, desk.AgentEmail),
            Line(past, $"Pia {_run}", "customer", now.AddHours(-6), "My kettle stopped working after two days."),
            Line(past, $"Pia {_run}", "agent", now.AddHours(-5), Reply, desk.AgentEmail));

        Assert.Equal(1, Timers(report).Promises);
        var id = await IdAsync(due);
        var promise = Assert.Single((await server.GetJsonAsync($"/api/v1/conversations/{id}/promises")).EnumerateArray());
        Assert.Equal("open", promise.GetProperty("status").GetString());
        Assert.Equal("callBack", promise.GetProperty("kind").GetString());
        Assert.Equal(desk.Agent, promise.GetProperty("agentId").GetInt64());
        Assert.Equal(now.AddHours(2), promise.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(now.AddHours(1), promise.GetProperty("remindAt").GetDateTimeOffset());
        Assert.Empty((await server.GetJsonAsync($"/api/v1/conversations/{await IdAsync(past)}/promises")).EnumerateArray());

        server.Time.Advance(TimeSpan.FromMinutes(59));
        await SweepAsync();
        Assert.Empty(await KindsAsync(desk.Agent, id));

        server.Time.Advance(TimeSpan.FromMinutes(1));
        await SweepAsync();
        Assert.Equal(["promiseReminder"], await KindsAsync(desk.Agent, id));

        server.Time.Advance(TimeSpan.FromMinutes(59));
        await SweepAsync();
        Assert.Equal("open", Assert.Single((await server.GetJsonAsync($"/api/v1/conversations/{id}/promises")).EnumerateArray()).GetProperty("status").GetString());

        server.Time.Advance(TimeSpan.FromMinutes(1));
        await SweepAsync();
        Assert.Equal(["promiseBroken", "promiseReminder"], await KindsAsync(desk.Agent, id));
        Assert.Equal(["promiseBroken"], await KindsAsync(desk.Lead, id));
        Assert.Equal("broken", Assert.Single((await server.GetJsonAsync($"/api/v1/conversations/{id}/promises")).EnumerateArray()).GetProperty("status").GetString());
        var reason = (await LoopDesk.ConversationAsync(server, id)).GetProperty("conversation").GetProperty("priorityReason").GetString();
        Assert.StartsWith("promise broken: call back within 3 hours", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_imported_conversation_gets_the_quiet_reminder_once_then_closes()
    {
        var now = server.Time.GetUtcNow();
        var (overdue, fresh) = ($"{_run}-quiet-overdue", $"{_run}-quiet-fresh");
        const string Ask = "Sorry to hear that. Could you send us a photo of the base of the kettle?";

        var report = await ImportAsync(
            Line(overdue, $"Quin {_run}", "customer", now.AddHours(-60), "My kettle leaks."),
            Line(overdue, $"Quin {_run}", "agent", now.AddHours(-50), Ask),
            Line(fresh, $"Quiana {_run}", "customer", now.AddHours(-12), "My kettle leaks too."),
            Line(fresh, $"Quiana {_run}", "agent", now.AddHours(-10), Ask));

        Assert.Equal((0, 0, 0, 2), Timers(report));
        var (a, b) = (await IdAsync(overdue), await IdAsync(fresh));
        var quiet = Assert.Single(await FollowUpsAsync(b));
        Assert.Equal(("quiet", "scheduled"), (quiet.GetProperty("kind").GetString(), quiet.GetProperty("state").GetString()));
        Assert.Equal(now.AddHours(-10), quiet.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(now.AddHours(38), quiet.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(now.AddHours(1), Assert.Single(await FollowUpsAsync(a)).GetProperty("dueAt").GetDateTimeOffset());

        // The reminder 48 hours after the agent's last message has passed: sent once, an hour after the import (the rest
        // of a file could still bring the customer's answer), not back-dated.
        await SweepAsync();
        server.Time.Advance(TimeSpan.FromMinutes(59));
        await SweepAsync();
        Assert.Empty(await LoopDesk.AssistantMessagesAsync(server, a));

        server.Time.Advance(TimeSpan.FromMinutes(1));
        await SweepAsync();
        await SweepAsync();
        Assert.Contains("just checking in", Assert.Single(await LoopDesk.AssistantMessagesAsync(server, a)), StringComparison.Ordinal);
        Assert.Empty(await LoopDesk.AssistantMessagesAsync(server, b));

        // The other one, 48 hours after its agent's message.
        server.Time.Advance(TimeSpan.FromHours(37) - TimeSpan.FromMinutes(1));
        await SweepAsync();
        Assert.Empty(await LoopDesk.AssistantMessagesAsync(server, b));

        server.Time.Advance(TimeSpan.FromMinutes(1));
        await SweepAsync();
        Assert.Single(await LoopDesk.AssistantMessagesAsync(server, b));
        Assert.Single(await LoopDesk.AssistantMessagesAsync(server, a));
        Assert.Equal("pending", (await LoopDesk.ConversationAsync(server, a)).GetProperty("conversation").GetProperty("status").GetString());

        // The same delay after its reminder (48 hours after the import's hour), the first one closes.
        server.Time.Advance(TimeSpan.FromHours(11) - TimeSpan.FromMinutes(1));
        await SweepAsync();
        Assert.Equal("pending", (await LoopDesk.ConversationAsync(server, a)).GetProperty("conversation").GetProperty("status").GetString());
        server.Time.Advance(TimeSpan.FromMinutes(1));
        await SweepAsync();
        Assert.Equal("closed", (await LoopDesk.ConversationAsync(server, a)).GetProperty("conversation").GetProperty("status").GetString());
        Assert.Single(await LoopDesk.AssistantMessagesAsync(server, a));
        Assert.Equal("done", Assert.Single(await FollowUpsAsync(a)).GetProperty("state").GetString());
        Assert.Equal("pending", (await LoopDesk.ConversationAsync(server, b)).GetProperty("conversation").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Importing_the_same_file_again_starts_no_clock_promise_timer_or_notification()
    {
        await SetChatPoliciesAsync();
        var desk = await DeskAsync();
        var now = server.Time.GetUtcNow();
        var (late, running, pending) = ($"{_run}-again-late", $"{_run}-again-running", $"{_run}-again-pending");
        string[] file =
        [
            Line(late, $"Ray {_run}", "customer", now.AddHours(-3), "Hello, where is my parcel?"),
            Line(running, $"Rae {_run}", "customer", now.AddMinutes(-2), "Hello, is my order on its way?"),
            Line(pending, $"Rex {_run}", "customer", now.AddMinutes(-30), "My kettle stopped working."),
            Line(pending, $"Rex {_run}", "agent", now.AddMinutes(-20), "I am sorry about that. I will call you back within 3 hours.", desk.AgentEmail),
        ];

        Assert.Equal((2, 1, 1, 1), Timers(await ImportAsync(file)));
        var ids = new[] { await IdAsync(late), await IdAsync(running), await IdAsync(pending) };
        Task<int[]> CountsAsync() => DbAsync(async db => new[]
        {
            await db.SlaClocks.CountAsync(k => ids.Contains(k.ConversationId)),
            await db.SlaAlerts.CountAsync(a => ids.Contains(a.ConversationId)),
            await db.Promises.CountAsync(p => ids.Contains(p.ConversationId)),
            await db.FollowUps.CountAsync(f => ids.Contains(f.ConversationId)),
            await db.DueWork.CountAsync(w => w.DoneAt == null && ids.Contains(w.SubjectId)),
            await db.Notifications.CountAsync(n => n.AgentId == desk.Lead),
        });
        var before = await CountsAsync();
        Assert.Equal([2, 1, 1, 1, 3], before[..5]);

        var again = await ImportAsync(file);

        Assert.Equal(0, again.GetProperty("imported").GetInt32());
        Assert.Equal(4, again.GetProperty("duplicates").GetInt32());
        Assert.Equal((0, 0, 0, 0), Timers(again));
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(1, Assert.Single(await NotificationsAsync(desk.Lead), n => n.GetProperty("kind").GetString() == "importSlaBreached").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_conversation_split_across_batches_and_requests_keeps_one_clock_and_one_quiet_timer()
    {
        await SetChatPoliciesAsync();
        var now = server.Time.GetUtcNow();
        var key = $"{_run}-split";

        // Batch one creates it and leaves it pending (a quiet timer); batch two continues the stored conversation: the
        // customer answered, so the quiet timer is cancelled and a next-response clock runs from that answer.
        await ImportAsync(
            Line(key, $"Sam {_run}", "customer", now.AddHours(-3), "My kettle leaks."),
            Line(key, $"Sam {_run}", "agent", now.AddHours(-2), "Sorry to hear that. Could you send us a photo of the base of the kettle?"),
            Line(key, $"Sam {_run}", "customer", now.AddMinutes(-10), "Here it is, thanks."));

        var id = await IdAsync(key);
        var sla = await SlaAsync(id);
        Assert.Equal("nextResponse", sla.GetProperty("kind").GetString());
        Assert.Equal(now.AddMinutes(10), sla.GetProperty("dueAt").GetDateTimeOffset());
        var cancelled = Assert.Single(await FollowUpsAsync(id));
        Assert.Equal(("cancelled", "cancelled: the customer replied"), (cancelled.GetProperty("state").GetString(), cancelled.GetProperty("outcome").GetString()));
        var pending = await DbAsync(db => db.DueWork.Where(w => w.SubjectId == id && w.DoneAt == null).Select(w => w.Kind).ToListAsync());
        Assert.Equal([SlaCheckHandler.WorkKind], pending);

        // A later request brings the agent's answer: the clock stops (an imported reply is history: not measured) and
        // the customer's silence counts from that reply.
        var before = await DbAsync(db => db.SlaOutcomes.CountAsync(o => o.ConversationId == id));
        await ImportAsync(Line(key, $"Sam {_run}", "agent", now.AddMinutes(-1), "Thank you, a new base is on its way."));
        Assert.Equal(JsonValueKind.Null, (await SlaAsync(id)).ValueKind);
        Assert.Equal(before, await DbAsync(db => db.SlaOutcomes.CountAsync(o => o.ConversationId == id)));
        var quiet = (await FollowUpsAsync(id)).Single(f => f.GetProperty("state").GetString() == "scheduled");
        Assert.Equal(now.AddMinutes(-1).AddHours(48), quiet.GetProperty("dueAt").GetDateTimeOffset());
        pending = await DbAsync(db => db.DueWork.Where(w => w.SubjectId == id && w.DoneAt == null).Select(w => w.Kind).ToListAsync());
        Assert.Equal([FollowUpQuietHandler.WorkKind], pending);
        Assert.Equal(1, await DbAsync(db => db.DueWork.CountAsync(w => w.SubjectId == id && w.Kind == FollowUpQuietHandler.WorkKind && w.DoneAt == null
            && w.DueAt == now.AddMinutes(-1).AddHours(48))));
    }

    [Fact]
    public async Task A_live_reply_after_the_import_is_measured_and_recorded_as_before()
    {
        await SetChatPoliciesAsync();
        var desk = await DeskAsync();
        var now = server.Time.GetUtcNow();
        var key = $"{_run}-live";
        await ImportAsync(Line(key, $"Liv {_run}", "customer", now.AddMinutes(-2), "Hello, could you tell me where my parcel is?"));
        var id = await IdAsync(key);
        Assert.Equal("running", (await SlaAsync(id)).GetProperty("state").GetString());

        await LoopDesk.ReplyAsync(server, id, desk.Agent, "Sorry for the wait. I will send you the tracking link within the hour.");

        Assert.Equal(JsonValueKind.Null, (await SlaAsync(id)).ValueKind);
        var performance = await server.GetJsonAsync("/api/v1/sla/performance");
        var share = performance.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == desk.Agent);
        Assert.Equal((1, 1), (share.GetProperty("met").GetInt32(), share.GetProperty("total").GetInt32()));
        var promise = Assert.Single((await server.GetJsonAsync($"/api/v1/conversations/{id}/promises")).EnumerateArray());
        Assert.Equal(now.AddHours(1), promise.GetProperty("dueAt").GetDateTimeOffset());
        var quiet = Assert.Single(await FollowUpsAsync(id));
        Assert.Equal(now.AddHours(48), quiet.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(1, await DbAsync(db => db.Promises.CountAsync(p => p.ConversationId == id && p.Status == PromiseStatus.Open)));
        Assert.Equal(1, await DbAsync(db => db.FollowUps.CountAsync(f => f.ConversationId == id && f.State == FollowUpState.Scheduled)));
    }
}

/// <summary>A fake-clock desk whose imports write batches of two lines, so conversations cross batches.</summary>
public abstract class ImportTimersDeskFixture : Sla.FakeClockDeskFixture
{
    protected override IEnumerable<string> ExtraArguments => [.. base.ExtraArguments, "--Rapport:Import:BatchSize", "2"];
}

public sealed class ImportTimersDeskSqliteFixture : ImportTimersDeskFixture
{
    public override TestDatabase Database => TestDatabase.Sqlite;
}

public sealed class ImportTimersDeskPostgreSqlFixture : ImportTimersDeskFixture
{
    public override TestDatabase Database => TestDatabase.PostgreSql;
}

public sealed class ImportTimerTestsOnSqlite(ImportTimersDeskSqliteFixture server) : ImportTimerTests(server), IClassFixture<ImportTimersDeskSqliteFixture>;

public sealed class ImportTimerTestsOnPostgreSql(ImportTimersDeskPostgreSqlFixture server) : ImportTimerTests(server), IClassFixture<ImportTimersDeskPostgreSqlFixture>;
