using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Desk;
using Rapport.Desk.Agents;
using Rapport.Desk.FollowUps;
using Rapport.Desk.Sla;
using Rapport.Server.Api;
using Rapport.Server.Api.Contracts;
using Rapport.Server.Security;

namespace Rapport.Server.Tests.Sla;

/// <summary>
/// A signed-in lead sees only their team in the SLA alerts, the SLA performance and the follow-up queue (an agent their
/// own; an API key everything); naming another team, or reviewing another team's follow-up, is a 403.
/// </summary>
public abstract class LeadScopeTests(FakeClockDeskFixture server)
{
    private sealed record TwoTeams(long TeamA, long TeamB, long LeadA, long AgentA, long AgentB, long ConversationA, long ConversationB);

    private async Task<TwoTeams> TwoTeamsAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        async Task<long> Team(string name) => (await server.PostJsonAsync("/api/v1/teams", new { name = name + suffix }, 201)).GetProperty("id").GetInt64();
        async Task<long> Agent(long team, string role) =>
            (await server.PostJsonAsync("/api/v1/agents", new { name = role + " " + Guid.NewGuid().ToString("N")[..6], email = $"{Guid.NewGuid():N}@example.com", teamId = team, role }, 201)).GetProperty("id").GetInt64();
        async Task<long> Chat(long agent)
        {
            var customer = (await server.PostJsonAsync("/api/v1/customers", new { name = "Scope Customer" }, 201)).GetProperty("id").GetInt64();
            var id = (await server.PostJsonAsync("/api/v1/conversations", new { customerId = customer, channel = "chat", subject = "Scope", message = "Hello, where is my order?" }, 201))
                .GetProperty("conversation").GetProperty("id").GetInt64();
            using var assign = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{id}/assignee", UriKind.Relative), new { agentId = agent });
            Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
            return id;
        }

        foreach (var band in new[] { "low", "normal", "high", "urgent" })
        {
            using var put = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/sla/policies/chat/{band}", UriKind.Relative), new { firstResponseMinutes = 10, nextResponseMinutes = 20 });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var (a, b) = (await Team("Scope A "), await Team("Scope B "));
        var (lead, agentA, agentB) = (await Agent(a, "lead"), await Agent(a, "agent"), await Agent(b, "agent"));
        return new TwoTeams(a, b, lead, agentA, agentB, await Chat(agentA), await Chat(agentB));
    }

    private static ClaimsPrincipal As(long agent, AgentRole role, long team) =>
        new SignedInAgent(agent, "Someone", "s@example.com", role, team).ToPrincipal(AgentCookies.Scheme);

    [Fact]
    public async Task A_lead_sees_only_their_teams_SLA_alerts_performance_and_follow_ups()
    {
        var desk = await TwoTeamsAsync();
        server.Time.Advance(TimeSpan.FromMinutes(12));
        await server.SweepAsync();
        await server.SweepAsync();
        foreach (var (id, agent) in new[] { (desk.ConversationA, desk.AgentA), (desk.ConversationB, desk.AgentB) })
        {
            await server.PostJsonAsync($"/api/v1/conversations/{id}/messages", new { author = "agent", agentId = agent, body = "Sorry for the wait, your order left the warehouse this morning." }, 201);
            using var resolve = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{id}/status", UriKind.Relative), new { status = "resolved" });
            Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        }

        await using var scope = server.Services.CreateAsyncScope();
        var sla = scope.ServiceProvider.GetRequiredService<SlaService>();
        var followUps = scope.ServiceProvider.GetRequiredService<FollowUpService>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var lead = As(desk.LeadA, AgentRole.Lead, desk.TeamA);
        var agentA = As(desk.AgentA, AgentRole.Agent, desk.TeamA);

        // SLA alerts: both conversations warned and breached; the lead sees team A's, an agent their own, a key both.
        var leadAlerts = Assert.IsType<Ok<SlaAlertResponse[]>>((await SlaEndpoints.ListAlertsAsync(lead, sla, CancellationToken.None)).Result).Value!;
        Assert.Contains(leadAlerts, a => a.ConversationId == desk.ConversationA);
        Assert.DoesNotContain(leadAlerts, a => a.ConversationId == desk.ConversationB);
        var agentAlerts = Assert.IsType<Ok<SlaAlertResponse[]>>((await SlaEndpoints.ListAlertsAsync(agentA, sla, CancellationToken.None)).Result).Value!;
        Assert.All(agentAlerts, a => Assert.Equal(desk.AgentA, a.AssigneeId));
        Assert.NotEmpty(agentAlerts);
        var otherTeam = await SlaEndpoints.ListAlertsAsync(lead, sla, CancellationToken.None, team: desk.TeamB);
        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsType<ProblemHttpResult>(otherTeam.Result).StatusCode);
        var all = await server.GetJsonAsync("/api/v1/sla/alerts");
        Assert.Contains(all.EnumerateArray(), a => a.GetProperty("conversationId").GetInt64() == desk.ConversationB);

        // Performance: the lead's figures are team A's only; the agent's their own.
        var leadShare = Assert.IsType<Ok<SlaPerformanceResponse>>((await SlaEndpoints.PerformanceAsync(lead, sla, time, CancellationToken.None)).Result).Value!;
        Assert.Equal([desk.AgentA], leadShare.Agents.Select(a => a.Id));
        Assert.Equal([desk.TeamA], leadShare.Teams.Select(t => t.Id));
        Assert.Equal(1, leadShare.Overall.Total);
        var agentShare = Assert.IsType<Ok<SlaPerformanceResponse>>((await SlaEndpoints.PerformanceAsync(agentA, sla, time, CancellationToken.None)).Result).Value!;
        Assert.Equal([desk.AgentA], agentShare.Agents.Select(a => a.Id));

        // Follow-ups: resolving scheduled a check-in for each; the lead's queue holds team A's.
        var leadQueue = Assert.IsType<Ok<FollowUpResponse[]>>((await FollowUpEndpoints.ListAsync(lead, followUps, CancellationToken.None)).Result).Value!;
        Assert.Contains(leadQueue, f => f.ConversationId == desk.ConversationA);
        Assert.DoesNotContain(leadQueue, f => f.ConversationId == desk.ConversationB);
        var everyone = await server.GetJsonAsync("/api/v1/follow-ups");
        var followUpB = everyone.EnumerateArray().First(f => f.GetProperty("conversationId").GetInt64() == desk.ConversationB).GetProperty("id").GetInt64();
        var followUpA = leadQueue.First(f => f.ConversationId == desk.ConversationA).Id;

        var agentReview = await FollowUpEndpoints.ReviewedAsync(followUpA, agentA, followUps, CancellationToken.None);
        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsType<ProblemHttpResult>(agentReview.Result).StatusCode);
        var otherReview = await FollowUpEndpoints.ReviewedAsync(followUpB, lead, followUps, CancellationToken.None);
        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsType<ProblemHttpResult>(otherReview.Result).StatusCode);

        // Their own team's passes the scope check and reaches the desk's rule (it is not waiting for a review: 422).
        await Assert.ThrowsAsync<DeskValidationException>(() => FollowUpEndpoints.ReviewedAsync(followUpA, lead, followUps, CancellationToken.None));
    }
}

public sealed class LeadScopeTestsOnSqlite(FakeClockDeskSqliteFixture server) : LeadScopeTests(server), IClassFixture<FakeClockDeskSqliteFixture>;

public sealed class LeadScopeTestsOnPostgreSql(FakeClockDeskPostgreSqlFixture server) : LeadScopeTests(server), IClassFixture<FakeClockDeskPostgreSqlFixture>;
