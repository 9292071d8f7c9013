using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Desk.Agents;
using Rapport.Desk.Notifications;
using Rapport.Server.Api;
using Rapport.Server.Api.Contracts;
using Rapport.Server.Security;

namespace Rapport.Server.Tests.Notifications;

/// <summary>
/// The timed paths tell people (docs/notifications.md), on a fake clock with the sweeper driven by the test: an SLA
/// warning and breach reach the assignee and their team's leads once each; a promise reminder the agent who promised;
/// a broken promise that agent and their leads; sweeping again tells nobody twice; each reads only their own.
/// </summary>
public abstract class NotificationTests(Sla.FakeClockDeskFixture server)
{
    private sealed record Desk(long Team, long Agent, long Lead, long OtherLead);

    private async Task<Desk> DeskAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        async Task<long> Team(string name) => (await server.PostJsonAsync("/api/v1/teams", new { name = name + suffix }, 201)).GetProperty("id").GetInt64();
        async Task<long> Agent(string name, long team, string role) =>
            (await server.PostJsonAsync("/api/v1/agents", new { name = name + " " + suffix, email = $"{Guid.NewGuid():N}@example.com", teamId = team, role }, 201)).GetProperty("id").GetInt64();
        var team = await Team("Bell team ");
        var other = await Team("Other team ");
        return new Desk(team, await Agent("Ada Agent", team, "agent"), await Agent("Lee Lead", team, "lead"), await Agent("Olu Otherlead", other, "lead"));
    }

    private async Task<long> ChatAsync(long agent, string message)
    {
        foreach (var band in new[] { "low", "normal", "high", "urgent" })
        {
            using var put = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/sla/policies/chat/{band}", UriKind.Relative), new { firstResponseMinutes = 10, nextResponseMinutes = 20 });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var customer = (await server.PostJsonAsync("/api/v1/customers", new { name = "Bell Customer" }, 201)).GetProperty("id").GetInt64();
        var id = (await server.PostJsonAsync("/api/v1/conversations", new { customerId = customer, channel = "chat", subject = "Where is my parcel", message }, 201))
            .GetProperty("conversation").GetProperty("id").GetInt64();
        using var assign = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{id}/assignee", UriKind.Relative), new { agentId = agent });
        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        return id;
    }

    private async Task<List<JsonElement>> NotificationsAsync(long agent, long conversation) =>
        [.. (await server.GetJsonAsync($"/api/v1/notifications?agentId={agent}")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("conversationId").GetInt64() == conversation)];

    private async Task<List<string>> KindsAsync(long agent, long conversation) =>
        [.. (await NotificationsAsync(agent, conversation)).Select(n => n.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task An_SLA_warning_and_breach_reach_the_assignee_and_their_leads_once_each()
    {
        var desk = await DeskAsync();
        var id = await ChatAsync(desk.Agent, "Hello, could you tell me where my parcel is?");

        server.Time.Advance(TimeSpan.FromMinutes(7));
        await server.SweepAsync();
        Assert.Empty(await KindsAsync(desk.Agent, id));

        server.Time.Advance(TimeSpan.FromMinutes(1));
        await server.SweepAsync();
        Assert.Equal(["slaWarning"], await KindsAsync(desk.Agent, id));
        Assert.Equal(["slaWarning"], await KindsAsync(desk.Lead, id));
        Assert.Empty(await KindsAsync(desk.OtherLead, id));
        var warning = Assert.Single(await NotificationsAsync(desk.Lead, id));
        Assert.Equal("Where is my parcel", warning.GetProperty("subject").GetString());
        Assert.Equal("Bell Customer", warning.GetProperty("customerName").GetString());
        Assert.False(warning.GetProperty("read").GetBoolean());

        // Sweeping again (nothing due, or the same row re-run) tells nobody twice.
        await server.SweepAsync();
        Assert.Single(await NotificationsAsync(desk.Agent, id));
        Assert.Single(await NotificationsAsync(desk.Lead, id));

        server.Time.Advance(TimeSpan.FromMinutes(3));
        await server.SweepAsync();
        await server.SweepAsync();
        Assert.Equal(["slaBreach", "slaWarning"], await KindsAsync(desk.Agent, id));
        Assert.Equal(["slaBreach", "slaWarning"], await KindsAsync(desk.Lead, id));
        Assert.Empty(await KindsAsync(desk.OtherLead, id));
        var unread = (await server.GetJsonAsync($"/api/v1/notifications?agentId={desk.Lead}&unread=true")).GetProperty("unread").GetInt32();
        Assert.Equal(2, unread);
    }

    [Fact]
    public async Task A_promise_reminder_reaches_the_agent_who_promised_and_a_broken_promise_their_leads_too()
    {
        var desk = await DeskAsync();
        var id = await ChatAsync(desk.Agent, "My kettle stopped working after two days.");
        await server.PostJsonAsync($"/api/v1/conversations/{id}/messages",
            new { author = "agent", agentId = desk.Agent, body = "I am sorry your kettle let you down. I will call you back within 3 hours with a fix." }, 201);

        server.Time.Advance(TimeSpan.FromMinutes(119));
        await server.SweepAsync();
        Assert.DoesNotContain("promiseReminder", await KindsAsync(desk.Agent, id));

        server.Time.Advance(TimeSpan.FromMinutes(1));
        await server.SweepAsync();
        await server.SweepAsync();
        Assert.Equal(["promiseReminder"], await KindsAsync(desk.Agent, id));
        Assert.Empty(await KindsAsync(desk.Lead, id));
        var reminder = Assert.Single(await NotificationsAsync(desk.Agent, id));
        Assert.Equal("call back within 3 hours", reminder.GetProperty("promise").GetString());
        Assert.True(reminder.GetProperty("promiseId").GetInt64() > 0);

        server.Time.Advance(TimeSpan.FromHours(1));
        await server.SweepAsync();
        await server.SweepAsync();
        Assert.Equal(["promiseBroken", "promiseReminder"], await KindsAsync(desk.Agent, id));
        Assert.Equal(["promiseBroken"], await KindsAsync(desk.Lead, id));
        Assert.Empty(await KindsAsync(desk.OtherLead, id));
    }

    [Fact]
    public async Task A_signed_in_agent_reads_only_their_own_notifications()
    {
        var desk = await DeskAsync();
        var id = await ChatAsync(desk.Agent, "Hi, is anyone there? I need help with my order.");
        server.Time.Advance(TimeSpan.FromMinutes(8));
        await server.SweepAsync();
        var leadsWarning = Assert.Single(await NotificationsAsync(desk.Lead, id)).GetProperty("id").GetInt64();

        await using var scope = server.Services.CreateAsyncScope();
        var notifications = scope.ServiceProvider.GetRequiredService<NotificationService>();
        ClaimsPrincipal As(long agent, AgentRole role) => new SignedInAgent(agent, "Someone", "s@example.com", role, desk.Team).ToPrincipal(AgentCookies.Scheme);
        var agentUser = As(desk.Agent, AgentRole.Agent);
        var leadUser = As(desk.Lead, AgentRole.Lead);

        var own = await NotificationEndpoints.ListAsync(agentUser, notifications, CancellationToken.None);
        var list = Assert.IsType<Ok<NotificationListResponse>>(own.Result).Value!;
        Assert.All(list.Items, n => Assert.Equal(desk.Agent, n.AgentId));
        Assert.Contains(list.Items, n => n.ConversationId == id && n.Kind == "slaWarning");

        var someoneElses = await NotificationEndpoints.ListAsync(agentUser, notifications, CancellationToken.None, agentId: desk.Lead);
        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsType<ProblemHttpResult>(someoneElses.Result).StatusCode);
        var readOthers = await NotificationEndpoints.ReadAsync(leadsWarning, agentUser, notifications, CancellationToken.None);
        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsType<ProblemHttpResult>(readOthers.Result).StatusCode);

        var before = Assert.IsType<Ok<NotificationListResponse>>((await NotificationEndpoints.ListAsync(leadUser, notifications, CancellationToken.None)).Result).Value!.Unread;
        var read = Assert.IsType<Ok<NotificationResponse>>((await NotificationEndpoints.ReadAsync(leadsWarning, leadUser, notifications, CancellationToken.None)).Result).Value!;
        Assert.True(read.Read);
        var after = Assert.IsType<Ok<NotificationListResponse>>((await NotificationEndpoints.ListAsync(leadUser, notifications, CancellationToken.None)).Result).Value!.Unread;
        Assert.Equal(before - 1, after);

        using (var missing = await server.Client.PostAsync(new Uri("/api/v1/notifications/987654/read", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using (var badLimit = await server.Client.GetAsync(new Uri("/api/v1/notifications?limit=0", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        }

        using (var noAgent = await server.Client.PostAsync(new Uri("/api/v1/notifications/read-all", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noAgent.StatusCode);
        }

        var marked = await server.PostJsonAsync($"/api/v1/notifications/read-all?agentId={desk.Agent}", new { });
        Assert.True(marked.GetProperty("marked").GetInt32() >= 1);
        Assert.Equal(0, (await server.GetJsonAsync($"/api/v1/notifications?agentId={desk.Agent}")).GetProperty("unread").GetInt32());
    }
}

public sealed class NotificationTestsOnSqlite(Sla.FakeClockDeskSqliteFixture server) : NotificationTests(server), IClassFixture<Sla.FakeClockDeskSqliteFixture>;

public sealed class NotificationTestsOnPostgreSql(Sla.FakeClockDeskPostgreSqlFixture server) : NotificationTests(server), IClassFixture<Sla.FakeClockDeskPostgreSqlFixture>;
