using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rapport.Server.Tests.Sla;

/// <summary>
/// Each timed SLA rule end to end through the API on a fake clock: warning and breach (with alerts for leads and the
/// outcome per agent and team), the pause while waiting on the customer, business hours and holidays, and the
/// tightening rule. Every chat band is set to 10 minutes first response and 20 next, so the band does not matter.
/// </summary>
public abstract class SlaFlowTests(FakeClockDeskFixture server)
{
    private async Task SetChatPoliciesAsync()
    {
        foreach (var band in new[] { "low", "normal", "high", "urgent" })
        {
            using var put = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/sla/policies/chat/{band}", UriKind.Relative), new { firstResponseMinutes = 10, nextResponseMinutes = 20 });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
    }

    private async Task<(long Team, long Agent)> TeamWithAgentAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var team = (await server.PostJsonAsync("/api/v1/teams", new { name = "SLA team " + suffix }, 201)).GetProperty("id").GetInt64();
        var agent = (await server.PostJsonAsync("/api/v1/agents", new { name = "Agent " + suffix, email = $"agent.{suffix}@example.com", teamId = team }, 201)).GetProperty("id").GetInt64();
        return (team, agent);
    }

    private async Task<long> StartChatAsync(string message, long? agent)
    {
        await SetChatPoliciesAsync();
        var customer = (await server.PostJsonAsync("/api/v1/customers", new { name = "Clock Customer" }, 201)).GetProperty("id").GetInt64();
        var id = (await server.PostJsonAsync("/api/v1/conversations", new { customerId = customer, channel = "chat", subject = "Parcel", message }, 201))
            .GetProperty("conversation").GetProperty("id").GetInt64();
        if (agent is { } a)
        {
            using var assign = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{id}/assignee", UriKind.Relative), new { agentId = a });
            Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        }

        return id;
    }

    private async Task<JsonElement> SlaAsync(long id)
    {
        var sla = (await server.GetJsonAsync($"/api/v1/conversations/{id}")).GetProperty("conversation").GetProperty("sla");
        return sla;
    }

    private async Task SetStatusAsync(long id, string status)
    {
        using var put = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{id}/status", UriKind.Relative), new { status });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    [Fact]
    public async Task A_clock_warns_then_breaches_alerts_the_team_and_counts_as_missed_for_the_agent_who_replies()
    {
        var (team, agent) = await TeamWithAgentAsync();
        var id = await StartChatAsync("Hello, could you tell me where my parcel is?", agent);
        var sla = await SlaAsync(id);
        Assert.Equal("firstResponse", sla.GetProperty("kind").GetString());
        Assert.Equal("running", sla.GetProperty("state").GetString());
        Assert.Equal(10, sla.GetProperty("targetMinutes").GetInt32());
        Assert.Equal(600, sla.GetProperty("remainingSeconds").GetInt64());
        Assert.Equal(JsonValueKind.Null, sla.GetProperty("tightenedBy").ValueKind);

        server.Time.Advance(TimeSpan.FromMinutes(8));
        sla = await SlaAsync(id);
        Assert.Equal("warning", sla.GetProperty("state").GetString());
        Assert.True(sla.GetProperty("warning").GetBoolean());
        var inbox = await server.GetJsonAsync($"/api/v1/conversations?team={team}");
        Assert.Equal("warning", inbox.GetProperty("items")[0].GetProperty("sla").GetProperty("state").GetString());

        await server.SweepAsync();
        var alerts = await server.GetJsonAsync($"/api/v1/sla/alerts?team={team}");
        Assert.Equal(["warning"], alerts.EnumerateArray().Where(a => a.GetProperty("conversationId").GetInt64() == id).Select(a => a.GetProperty("kind").GetString()));

        server.Time.Advance(TimeSpan.FromMinutes(3));
        sla = await SlaAsync(id);
        Assert.Equal("breached", sla.GetProperty("state").GetString());
        Assert.True(sla.GetProperty("breached").GetBoolean());
        Assert.Equal(-60, sla.GetProperty("remainingSeconds").GetInt64());
        await server.SweepAsync();
        await server.SweepAsync();
        alerts = await server.GetJsonAsync($"/api/v1/sla/alerts?team={team}");
        Assert.Equal(["breach", "warning"], alerts.EnumerateArray().Where(a => a.GetProperty("conversationId").GetInt64() == id).Select(a => a.GetProperty("kind").GetString()));

        await server.PostJsonAsync($"/api/v1/conversations/{id}/messages", new { author = "agent", agentId = agent, body = "I am sorry for the wait. Your parcel is at the depot and arrives tomorrow." }, 201);
        Assert.Equal(JsonValueKind.Null, (await SlaAsync(id)).ValueKind);
        var performance = await server.GetJsonAsync("/api/v1/sla/performance");
        var agentShare = performance.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == agent);
        Assert.Equal((0, 1), (agentShare.GetProperty("met").GetInt32(), agentShare.GetProperty("total").GetInt32()));
        var teamShare = performance.GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == team);
        Assert.Equal(0.0, teamShare.GetProperty("percent").GetDouble());
    }

    [Fact]
    public async Task The_clock_pauses_while_the_conversation_waits_on_the_customer_and_a_reply_in_time_is_met()
    {
        var (team, agent) = await TeamWithAgentAsync();
        var id = await StartChatAsync("Hi, I need the invoice for my last order please.", agent);
        server.Time.Advance(TimeSpan.FromMinutes(4));
        await SetStatusAsync(id, "pending");
        Assert.Equal("paused", (await SlaAsync(id)).GetProperty("state").GetString());

        server.Time.Advance(TimeSpan.FromHours(2));
        var paused = await SlaAsync(id);
        Assert.Equal("paused", paused.GetProperty("state").GetString());
        Assert.Equal(360, paused.GetProperty("remainingSeconds").GetInt64());
        await server.SweepAsync();
        Assert.DoesNotContain((await server.GetJsonAsync($"/api/v1/sla/alerts?team={team}")).EnumerateArray(), a => a.GetProperty("conversationId").GetInt64() == id);

        await SetStatusAsync(id, "open");
        var resumed = await SlaAsync(id);
        Assert.Equal("running", resumed.GetProperty("state").GetString());
        Assert.Equal(360, resumed.GetProperty("remainingSeconds").GetInt64());
        Assert.Equal(server.Time.GetUtcNow().AddMinutes(6), resumed.GetProperty("dueAt").GetDateTimeOffset());

        server.Time.Advance(TimeSpan.FromMinutes(5));
        await server.PostJsonAsync($"/api/v1/conversations/{id}/messages", new { author = "agent", agentId = agent, body = "Here is your invoice, attached to this message." }, 201);
        var share = (await server.GetJsonAsync("/api/v1/sla/performance")).GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == agent);
        Assert.Equal((1, 1, 100.0), (share.GetProperty("met").GetInt32(), share.GetProperty("total").GetInt32(), share.GetProperty("percent").GetDouble()));

        // The customer writes again: a next-response clock starts with the next-response target.
        await server.PostJsonAsync($"/api/v1/conversations/{id}/messages", new { author = "customer", body = "Thanks, could you also send the one from March?" }, 201);
        var next = await SlaAsync(id);
        Assert.Equal("nextResponse", next.GetProperty("kind").GetString());
        Assert.Equal(20, next.GetProperty("targetMinutes").GetInt32());
    }

    [Fact]
    public async Task The_clock_runs_only_in_the_teams_business_hours_and_skips_its_holidays()
    {
        var (team, agent) = await TeamWithAgentAsync();
        var now = server.Time.GetUtcNow();
        var friday = now.Date.AddDays(1);
        while (friday.DayOfWeek != DayOfWeek.Friday)
        {
            friday = friday.AddDays(1);
        }

        // November: London is on UTC. Monday is a holiday, so Friday 16:55 + 10 business minutes is Tuesday 09:05.
        var monday = DateOnly.FromDateTime(friday.AddDays(3));
        using (var put = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/sla/teams/{team}/hours", UriKind.Relative), new
        {
            timeZone = "Europe/London",
            days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.Select(d => new { day = d, open = "09:00", close = "17:00" }),
            holidays = new[] { monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
        }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var hours = await server.GetJsonAsync($"/api/v1/sla/teams/{team}/hours");
        Assert.Equal(5, hours.GetProperty("days").GetArrayLength());
        Assert.False(hours.GetProperty("alwaysOpen").GetBoolean());

        server.Time.SetUtcNow(new DateTimeOffset(friday.AddHours(16).AddMinutes(55), TimeSpan.Zero));
        var id = await StartChatAsync("Hello, could you send me a copy of my invoice?", agent);
        var sla = await SlaAsync(id);
        var tuesday = new DateTimeOffset(friday.AddDays(4).AddHours(9).AddMinutes(5), TimeSpan.Zero);
        Assert.Equal(tuesday, sla.GetProperty("dueAt").GetDateTimeOffset());

        server.Time.Advance(TimeSpan.FromHours(70));   // Monday 14:55, the holiday
        sla = await SlaAsync(id);
        Assert.Equal("running", sla.GetProperty("state").GetString());
        Assert.Equal(300, sla.GetProperty("remainingSeconds").GetInt64());
        await server.SweepAsync();
        Assert.Empty((await server.GetJsonAsync($"/api/v1/sla/alerts?team={team}")).EnumerateArray());

        server.Time.SetUtcNow(tuesday.AddMinutes(1));
        Assert.Equal("breached", (await SlaAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task High_escalation_risk_halves_the_target_and_rising_frustration_cuts_it_to_three_quarters()
    {
        var risky = await StartChatAsync("This is the third time I'm writing. Cancel my account now, I am reporting you and calling my lawyer!!!", agent: null);
        var detail = await server.GetJsonAsync($"/api/v1/conversations/{risky}");
        Assert.True(detail.GetProperty("messages")[0].GetProperty("reading").GetProperty("escalationRisk").GetDouble() >= 0.7, "precondition: the message reads high risk");
        var sla = detail.GetProperty("conversation").GetProperty("sla");
        Assert.Equal(300, sla.GetProperty("remainingSeconds").GetInt64());
        Assert.Equal("high escalation risk", sla.GetProperty("tightenedBy").GetString());

        var rising = await StartChatAsync("Hello, I have a question about my invoice.", agent: null);
        Assert.Equal(600, (await SlaAsync(rising)).GetProperty("remainingSeconds").GetInt64());
        await server.PostJsonAsync($"/api/v1/conversations/{rising}/messages", new { author = "customer", body = "Honestly a bit annoyed, it is taking longer than I hoped." }, 201);
        detail = await server.GetJsonAsync($"/api/v1/conversations/{rising}");
        var reading = detail.GetProperty("messages")[1].GetProperty("reading");
        Assert.True(reading.GetProperty("escalationRisk").GetDouble() < 0.7, "precondition: rising frustration, not high risk");
        sla = detail.GetProperty("conversation").GetProperty("sla");
        Assert.Equal("rising frustration", sla.GetProperty("tightenedBy").GetString());
        Assert.Equal(450, sla.GetProperty("remainingSeconds").GetInt64());
    }

    [Fact]
    public async Task Bad_policy_and_hours_requests_are_problems_naming_the_field()
    {
        async Task AssertAsync(HttpResponseMessage response, HttpStatusCode status, string? field)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, text);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            if (field is not null)
            {
                Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
            }
        }

        using (var r = await server.Client.PutAsJsonAsync(new Uri("/api/v1/sla/policies/fax/high", UriKind.Relative), new { firstResponseMinutes = 5, nextResponseMinutes = 5 }))
        {
            await AssertAsync(r, HttpStatusCode.BadRequest, "channel");
        }

        using (var r = await server.Client.PutAsJsonAsync(new Uri("/api/v1/sla/policies/chat/high", UriKind.Relative), new { firstResponseMinutes = 0 }))
        {
            await AssertAsync(r, HttpStatusCode.BadRequest, "firstResponseMinutes");
        }

        var (team, _) = await TeamWithAgentAsync();
        using (var r = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/sla/teams/{team}/hours", UriKind.Relative),
            new { timeZone = "Mars/Olympus", days = new[] { new { day = "monday", open = "17:00", close = "09:00" } }, holidays = new[] { "25/12/2026" } }))
        {
            var text = await r.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty("timeZone", out _) && errors.TryGetProperty("days[0].close", out _) && errors.TryGetProperty("holidays[0]", out _), text);
        }

        using (var r = await server.Client.PutAsJsonAsync(new Uri("/api/v1/sla/teams/987654/hours", UriKind.Relative), new { timeZone = "UTC", days = Array.Empty<object>() }))
        {
            await AssertAsync(r, HttpStatusCode.NotFound, null);
        }

        using (var r = await server.Client.GetAsync(new Uri("/api/v1/sla/performance?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", UriKind.Relative)))
        {
            await AssertAsync(r, HttpStatusCode.BadRequest, "from");
        }
    }
}

public sealed class SlaFlowTestsOnSqlite(FakeClockDeskSqliteFixture server) : SlaFlowTests(server), IClassFixture<FakeClockDeskSqliteFixture>;

public sealed class SlaFlowTestsOnPostgreSql(FakeClockDeskPostgreSqlFixture server) : SlaFlowTests(server), IClassFixture<FakeClockDeskPostgreSqlFixture>;
