using System.Net;
using System.Text.Json;

namespace Rapport.Server.Tests.Promises;

/// <summary>Promises kept in the analytics (docs/analytics.md): rolled up per day and agent, in the overview, the drill-down and the CSV.</summary>
public abstract class PromiseAnalyticsTests(Sla.FakeClockDeskFixture server)
{
    private async Task<long> PromiseAsync(long agent, string subject)
    {
        var id = await LoopDesk.StartAsync(server, $"My {subject} stopped working. Can someone help?", agent);
        await LoopDesk.ReplyAsync(server, id, agent, "I am sorry about that. I will call you back within 3 hours with a fix.");
        return id;
    }

    private async Task<long> PromiseIdAsync(long conversation) =>
        Assert.Single((await server.GetJsonAsync($"/api/v1/conversations/{conversation}/promises")).EnumerateArray()).GetProperty("id").GetInt64();

    [Fact]
    public async Task Kept_broken_and_kept_late_promises_reach_the_overview_the_drill_down_and_the_csv()
    {
        var (team, agent) = await LoopDesk.TeamWithAgentAsync(server);
        var kept = await PromiseAsync(agent, "kettle");
        var broken = await PromiseAsync(agent, "toaster");
        var late = await PromiseAsync(agent, "blender");
        await server.PostJsonAsync($"/api/v1/promises/{await PromiseIdAsync(kept)}/kept", new { }, 200);

        server.Time.Advance(TimeSpan.FromHours(3));
        await server.SweepAsync();
        await server.SweepAsync();
        server.Time.Advance(TimeSpan.FromMinutes(30));
        await server.PostJsonAsync($"/api/v1/promises/{await PromiseIdAsync(late)}/kept", new { }, 200);
        await server.PostJsonAsync("/api/v1/analytics/rebuild", new { }, 200);

        var overview = await server.GetJsonAsync($"/api/v1/analytics/overview?teamId={team}");
        var promises = overview.GetProperty("promises");
        Assert.Equal(3, promises.GetProperty("made").GetInt32());
        Assert.Equal(1, promises.GetProperty("kept").GetInt32());
        Assert.Equal(2, promises.GetProperty("broken").GetInt32());
        Assert.Equal(1, promises.GetProperty("keptLate").GetInt32());
        Assert.Equal(0.333, promises.GetProperty("keptRate").GetDouble(), 3);
        var row = Assert.Single(promises.GetProperty("agents").EnumerateArray());
        Assert.Equal(agent.ToString(System.Globalization.CultureInfo.InvariantCulture), row.GetProperty("key").GetString());
        Assert.Equal(2, row.GetProperty("broken").GetInt32());
        Assert.Equal(3, promises.GetProperty("weeks").EnumerateArray().Sum(w => w.GetProperty("made").GetInt32()));

        var brokenOnes = await server.GetJsonAsync($"/api/v1/analytics/conversations?teamId={team}&promises=broken");
        Assert.Equal(new[] { broken, late }.Order(), brokenOnes.EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).Order());
        var keptOnes = await server.GetJsonAsync($"/api/v1/analytics/conversations?teamId={team}&agentId={agent}&promises=kept");
        Assert.Equal(kept, Assert.Single(keptOnes.EnumerateArray()).GetProperty("id").GetInt64());

        var csv = await server.Client.GetStringAsync(new Uri($"/api/v1/analytics/export.csv?view=promises&teamId={team}", UriKind.Relative));
        Assert.Contains("group,name,made,kept on time,kept late,broken,kept rate", csv, StringComparison.Ordinal);
        Assert.Contains("all,All,3,1,1,2,0.333", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_promise_drill_down_names_the_bad_outcome()
    {
        using var response = await server.Client.GetAsync(new Uri("/api/v1/analytics/conversations?promises=forgotten", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("promises", out _), problem.ToString());
    }
}

public sealed class PromiseAnalyticsTestsOnSqlite(Sla.FakeClockDeskSqliteFixture server) : PromiseAnalyticsTests(server), IClassFixture<Sla.FakeClockDeskSqliteFixture>;

public sealed class PromiseAnalyticsTestsOnPostgreSql(Sla.FakeClockDeskPostgreSqlFixture server) : PromiseAnalyticsTests(server), IClassFixture<Sla.FakeClockDeskPostgreSqlFixture>;
