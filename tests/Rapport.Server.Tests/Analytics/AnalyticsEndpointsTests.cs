using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Desk.Agents;
using Rapport.Desk.Analytics;
using Rapport.Desk.ApiKeys;
using Rapport.Desk.Data;
using Rapport.Server.Api;
using Rapport.Server.Security;

namespace Rapport.Server.Tests.Analytics;

/// <summary>Team analytics over real conversations: a warm agent with furious customers and a curt one with calm customers.</summary>
public abstract class AnalyticsEndpointsTests(ServerFixture server) : IAsyncLifetime
{
    private const string Warm =
        "Hi {0}, I'm so sorry about this, I can hear how frustrating it has been and you're right to be upset. "
        + "I'll take care of it personally: I've refunded the duplicate charge today and you'll see it within 3 days. "
        + "I'll check in with you on Friday to make sure everything is fine. Is there anything else I can help with?";

    private const string Curt = "Refund processed. Ticket closed.";

    private long _team;
    private long _warm;
    private long _curt;
    private readonly List<long> _curtConversations = [];

    public async Task InitializeAsync()
    {
        _team = (await server.PostJsonAsync("/api/v1/teams", new { name = $"Billing {Guid.NewGuid():N}" }, 201)).GetProperty("id").GetInt64();
        _warm = await AgentAsync("Wren Warm");
        _curt = await AgentAsync("=HYPERLINK(\"http://evil.example\")");
        var warmConversations = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            warmConversations.Add(await ConversationAsync(_warm, "I've been charged TWICE and nobody answers!!! This is absolutely outrageous, I'm furious.", Warm.Replace("{0}", "Sam", StringComparison.Ordinal), resolve: true));
            _curtConversations.Add(await ConversationAsync(_curt, "Hello, I think I see two charges for May, could you have a look when you can? Thanks.", Curt, resolve: i % 2 == 0));
        }

        await using var scope = server.Services.CreateAsyncScope();
        var surveys = scope.ServiceProvider.GetRequiredService<Rapport.Desk.Surveys.SurveyService>();
        // Customers of the warm agent rate 4–5, those of the curt agent 1–2 (the resolved ones answer).
        foreach (var (id, rating) in warmConversations.Select((id, i) => (id, 4 + (i % 2))).Concat(_curtConversations.Where((_, i) => i % 2 == 0).Select((id, i) => (id, 1 + (i % 2)))))
        {
            var created = await surveys.CreateAsync(id, CancellationToken.None);
            Assert.Equal(Rapport.Desk.Surveys.SurveyAnswerOutcome.Stored,
                await surveys.AnswerAsync(created!.Token, new Rapport.Desk.Surveys.SurveyAnswer(rating, rating, null), CancellationToken.None));
        }

        await scope.ServiceProvider.GetRequiredService<AnalyticsRollup>().RefreshAsync(CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<long> AgentAsync(string name) =>
        (await server.PostJsonAsync("/api/v1/agents", new { name, email = $"{Guid.NewGuid():N}@example.com", teamId = _team }, 201)).GetProperty("id").GetInt64();

    private async Task<long> ConversationAsync(long agent, string customer, string reply, bool resolve)
    {
        var c = (await server.PostJsonAsync("/api/v1/customers", new { name = "Sam Customer", email = $"{Guid.NewGuid():N}@example.com" }, 201)).GetProperty("id").GetInt64();
        var id = (await server.PostJsonAsync("/api/v1/conversations", new { customerId = c, channel = "email", subject = "Charges", message = customer }, 201))
            .GetProperty("conversation").GetProperty("id").GetInt64();
        using (var assign = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{id}/assignee", UriKind.Relative), new { agentId = agent }))
        {
            Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        }

        await server.PostJsonAsync($"/api/v1/conversations/{id}/messages", new { author = "agent", body = reply, agentId = agent }, 201);
        if (resolve)
        {
            using var status = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{id}/status", UriKind.Relative), new { status = "resolved" });
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        }

        return id;
    }

    private string Range => $"teamId={_team}";

    [Fact]
    public async Task The_overview_tells_the_warm_agent_from_the_curt_one_and_credits_the_harder_customers()
    {
        var overview = await server.GetJsonAsync($"/api/v1/analytics/overview?{Range}");
        Assert.Equal(12, overview.GetProperty("replies").GetInt64());
        var agents = overview.GetProperty("agents").EnumerateArray().ToDictionary(a => a.GetProperty("agentId").GetInt64());
        var warm = agents[_warm];
        var curt = agents[_curt];
        Assert.True(warm.GetProperty("empathy").GetDouble() > curt.GetProperty("empathy").GetDouble() + 30, overview.ToString());
        // The warm agent had only furious customers: fair empathy does not hold that against them.
        Assert.True(warm.GetProperty("fairEmpathy").GetDouble() >= curt.GetProperty("fairEmpathy").GetDouble(), overview.ToString());
        Assert.Equal(6, warm.GetProperty("resolved").GetInt32());
        Assert.Equal(3, curt.GetProperty("resolved").GetInt32());
        Assert.Equal("efficientAndWarm", warm.GetProperty("quadrant").GetString());

        // Satisfaction follows empathy here: warm replies got 4–5, curt ones 1–2.
        var satisfaction = overview.GetProperty("satisfaction");
        Assert.Equal(9, satisfaction.GetProperty("surveys").GetInt32());
        Assert.Equal(9, satisfaction.GetProperty("paired").GetInt32());
        Assert.True(satisfaction.GetProperty("satisfactionR").GetDouble() > 0.8, satisfaction.ToString());
        Assert.True(satisfaction.GetProperty("feltUnderstoodR").GetDouble() > 0.8, satisfaction.ToString());
        Assert.Equal(6, warm.GetProperty("surveys").GetInt32());
        Assert.Equal(4.5, warm.GetProperty("satisfaction").GetDouble());
        Assert.True(curt.GetProperty("satisfaction").GetDouble() < 2, curt.ToString());

        var byUpset = overview.GetProperty("byStartingUpset").EnumerateArray().Where(b => b.GetProperty("replies").GetInt64() > 0).ToList();
        Assert.True(byUpset.Count >= 2, overview.GetProperty("byStartingUpset").ToString());

        var acrossAgents = overview.GetProperty("acrossAgents");
        Assert.Equal(2, acrossAgents.GetProperty("groups").GetInt32());
        Assert.True(acrossAgents.GetProperty("spread").GetDouble() > 15, acrossAgents.ToString());
        Assert.True(acrossAgents.GetProperty("index").GetDouble() < 50, acrossAgents.ToString());

        Assert.Single(overview.GetProperty("teams").EnumerateArray());
        Assert.Equal("Email", overview.GetProperty("channels")[0].GetProperty("name").GetString());
        var week = Assert.Single(overview.GetProperty("weeks").EnumerateArray());
        Assert.Equal(12, week.GetProperty("replies").GetInt64());
        var emotions = Assert.Single(overview.GetProperty("emotions").EnumerateArray()).GetProperty("messages");
        Assert.True(emotions.EnumerateObject().Sum(e => e.Value.GetInt32()) == 12, emotions.ToString());
        Assert.True(emotions.TryGetProperty("anger", out _) || emotions.TryGetProperty("frustration", out _), emotions.ToString());
        var responses = Assert.Single(overview.GetProperty("responses").EnumerateArray());
        Assert.Equal(12, responses.GetProperty("firstResponses").GetInt32());
        Assert.Equal(9, responses.GetProperty("resolved").GetInt32());
        Assert.Equal(1.0, responses.GetProperty("withinDay").GetDouble());
    }

    [Fact]
    public async Task A_chart_point_drills_down_to_its_conversations_lowest_empathy_first()
    {
        var list = await server.GetJsonAsync($"/api/v1/analytics/conversations?{Range}&agentId={_curt}");
        Assert.Equal(_curtConversations.Order(), list.EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).Order());
        var scores = list.EnumerateArray().Select(c => c.GetProperty("empathy").GetDouble()).ToList();
        Assert.Equal(scores.Order(), scores);
        Assert.All(list.EnumerateArray(), c => Assert.Equal(1, c.GetProperty("replies").GetInt32()));
    }

    [Fact]
    public async Task The_csv_export_defuses_cells_that_would_run_as_formulas()
    {
        using var response = await server.Client.GetAsync(new Uri($"/api/v1/analytics/export.csv?view=agents&{Range}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("agent,team,replies,empathy,fair empathy", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith('=') || l.StartsWith("\"=", StringComparison.Ordinal));

        foreach (var view in new[] { "teams", "channels", "weeks", "upset", "emotions", "responses" })
        {
            using var other = await server.Client.GetAsync(new Uri($"/api/v1/analytics/export.csv?view={view}&{Range}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            Assert.True((await other.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length >= 2, view);
        }
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-05-02&to=2026-05-01", "from")]
    [InlineData("from=2024-01-01&to=2026-01-01", "to")]
    [InlineData("channel=fax", "channel")]
    public async Task Bad_ranges_and_filters_are_400_with_the_field(string query, string field)
    {
        using var response = await server.Client.GetAsync(new Uri($"/api/v1/analytics/overview?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Export_needs_a_known_view_and_rebuild_needs_an_admin_key()
    {
        using var view = await server.Client.GetAsync(new Uri("/api/v1/analytics/export.csv?view=secrets", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, view.StatusCode);

        using var writer = server.CreateClient(await server.CreateKeyAsync("writer", ApiKeyScope.Write));
        using var forbidden = await writer.PostAsync(new Uri("/api/v1/analytics/rebuild", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var rebuilt = await server.PostJsonAsync("/api/v1/analytics/rebuild", new { });
        Assert.True(rebuilt.GetProperty("days").GetInt32() >= 1);
        // Rebuilding recomputes the same days: the figures do not change.
        Assert.Equal(12, (await server.GetJsonAsync($"/api/v1/analytics/overview?{Range}")).GetProperty("replies").GetInt64());
    }

    [Fact]
    public async Task A_signed_in_lead_sees_their_team_and_an_agent_only_themselves()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var otherTeam = (await server.PostJsonAsync("/api/v1/teams", new { name = $"Other {Guid.NewGuid():N}" }, 201)).GetProperty("id").GetInt64();
        var lead = new SignedInAgent(1, "Lead", "l@example.com", AgentRole.Lead, _team).ToPrincipal(AgentCookies.Scheme);
        var agent = new SignedInAgent(_curt, "Curt", "c@example.com", AgentRole.Agent, _team).ToPrincipal(AgentCookies.Scheme);

        var (leadQuery, _) = await AnalyticsEndpoints.QueryAsync(lead, db, time, null, null, otherTeam, null, CancellationToken.None);
        Assert.Equal([_warm, _curt], leadQuery!.AgentIds!.Order());
        var (agentQuery, _) = await AnalyticsEndpoints.QueryAsync(agent, db, time, null, null, null, null, CancellationToken.None);
        Assert.Equal([_curt], agentQuery!.AgentIds);
        var mine = await scope.ServiceProvider.GetRequiredService<AnalyticsService>().OverviewAsync(agentQuery, CancellationToken.None);
        Assert.Equal([_curt], mine.Agents.Select(a => a.AgentId));
    }
}

public sealed class AnalyticsEndpointsTestsOnSqlite(EmptyDeskFixture server) : AnalyticsEndpointsTests(server), IClassFixture<EmptyDeskFixture>;

public sealed class AnalyticsEndpointsTestsOnPostgreSql(EmptyDeskPostgreSqlFixture server) : AnalyticsEndpointsTests(server), IClassFixture<EmptyDeskPostgreSqlFixture>;
