using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;
using Rapport.Desk.Promises;

namespace Rapport.Server.Tests.Api;

/// <summary>The demo workspace's history and loop stories (README, "see the loop in the demo"), and the analytics over them.</summary>
public abstract class DemoLoopTests(ServerFixture server)
{
    private async Task<long> ConversationAsync(string subject)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        return await db.Conversations.Where(c => c.Subject == subject).Select(c => c.Id).SingleAsync();
    }

    private async Task<IReadOnlyList<LoopStep>> LoopAsync(long id)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<LoopTimeline>().ReadAsync(id, CancellationToken.None))!;
    }

    [Fact]
    public async Task The_loop_story_goes_from_breach_warning_to_kept_promise_to_follow_up_to_survey_to_kudos()
    {
        var steps = await LoopAsync(await ConversationAsync("Garden table order is late"));

        LoopStepKind[] loop = [LoopStepKind.Opened, LoopStepKind.SlaWarning, LoopStepKind.Reply, LoopStepKind.PromiseMade, LoopStepKind.PromiseKept,
            LoopStepKind.Resolved, LoopStepKind.CheckIn, LoopStepKind.SurveyAnswered, LoopStepKind.Kudos];
        var kinds = steps.Select(s => s.Kind).ToList();
        var at = -1;
        foreach (var kind in loop)
        {
            var next = kinds.FindIndex(at + 1, k => k == kind);
            Assert.True(next > at, $"{kind} after step {at} in {string.Join(", ", kinds)}");
            at = next;
        }

        Assert.DoesNotContain(LoopStepKind.PromiseBroken, kinds);
        Assert.DoesNotContain(steps, s => s.Pending);
        Assert.Contains("I'll update you by tomorrow 5pm", steps.Single(s => s.Kind == LoopStepKind.PromiseMade).Title, StringComparison.Ordinal);
        var survey = steps.Single(s => s.Kind == LoopStepKind.SurveyAnswered).Detail!;
        Assert.Contains("Satisfaction 5/5", survey, StringComparison.Ordinal);
        Assert.Contains("Sam was fantastic", survey, StringComparison.Ordinal);
        Assert.Contains("accepted by Alex Morgan", steps.Single(s => s.Kind == LoopStepKind.Kudos).Detail, StringComparison.Ordinal);
        Assert.Null(steps.Single(s => s.Kind == LoopStepKind.CheckIn).Link); // answered: no link to a spent survey
    }

    [Fact]
    public async Task Two_stories_wait_for_a_lead_a_promise_due_soon_and_an_open_survey()
    {
        var kettle = await LoopAsync(await ConversationAsync("Replacement kettle: when will it come?"));
        var due = Assert.Single(kettle, s => s.Kind == LoopStepKind.PromiseDue);
        Assert.True(due.Pending);
        Assert.NotNull(due.PromiseId);

        var vase = await LoopAsync(await ConversationAsync("Refund for the cracked vase"));
        var checkIn = Assert.Single(vase, s => s.Kind == LoopStepKind.CheckIn);
        Assert.False(checkIn.Pending);
        Assert.StartsWith("/survey/", checkIn.Link, StringComparison.Ordinal);
        var page = await server.Client.GetStringAsync(new Uri(checkIn.Link!, UriKind.Relative));
        Assert.Contains("Refund for the cracked vase", page, StringComparison.Ordinal);
        Assert.DoesNotContain(vase, s => s.Kind == LoopStepKind.SurveyAnswered);
    }

    [Fact]
    public async Task The_history_holds_weeks_of_promises_surveys_kudos_and_sla_alerts()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        Assert.True(await db.Messages.CountAsync(m => m.Author == MessageAuthor.Customer) >= 250);
        Assert.True(await db.Messages.CountAsync(m => m.Author == MessageAuthor.Agent) >= 250);
        Assert.True(await db.Promises.CountAsync(p => p.Status == PromiseStatus.Kept && p.BrokenAt == null) >= 10);
        Assert.True(await db.Promises.CountAsync(p => p.BrokenAt != null) >= 3);
        Assert.True(await db.SurveyResponses.CountAsync() >= 30);
        Assert.True(await db.SurveyResponses.Select(r => r.Satisfaction).Distinct().CountAsync() >= 4);
        Assert.True(await db.Kudos.CountAsync() >= 3);
        Assert.True(await db.SlaAlerts.CountAsync(a => a.Kind == Rapport.Desk.Sla.SlaAlertKind.Warning) >= 10);
        var oldest = await db.Conversations.MinAsync(c => c.CreatedAt);
        Assert.True(server.Services.GetRequiredService<TimeProvider>().GetUtcNow() - oldest >= TimeSpan.FromDays(35), $"oldest {oldest}");
    }

    [Fact]
    public async Task The_analytics_over_the_demo_show_consistency_fair_empathy_survey_correlation_and_promises_kept()
    {
        var o = await server.GetJsonAsync("/api/v1/analytics/overview");

        Assert.True(o.GetProperty("replies").GetInt64() >= 150);
        Assert.True(o.GetProperty("acrossAgents").GetProperty("groups").GetInt32() >= 4);
        Assert.True(o.GetProperty("acrossDays").GetProperty("groups").GetInt32() >= 10);
        var agents = o.GetProperty("agents").EnumerateArray().ToList();
        Assert.True(agents.Count(a => a.GetProperty("fairEmpathy").ValueKind == System.Text.Json.JsonValueKind.Number) >= 4);
        Assert.True(agents.Count(a => a.GetProperty("quadrant").ValueKind == System.Text.Json.JsonValueKind.String) >= 4);
        var empathy = agents.Where(a => a.GetProperty("replies").GetInt64() >= 10).Select(a => a.GetProperty("empathy").GetDouble()).ToList();
        Assert.True(empathy.Max() - empathy.Min() >= 10, string.Join(", ", empathy));
        var satisfaction = o.GetProperty("satisfaction");
        Assert.True(satisfaction.GetProperty("paired").GetInt32() >= 20);
        Assert.True(satisfaction.GetProperty("satisfactionR").GetDouble() > 0.2);
        Assert.True(satisfaction.GetProperty("feltUnderstoodR").GetDouble() > 0.2);
        var promises = o.GetProperty("promises");
        Assert.True(promises.GetProperty("kept").GetInt32() > 0);
        Assert.True(promises.GetProperty("keptRate").GetDouble() is > 0 and <= 1);
        Assert.NotEmpty(o.GetProperty("emotions").EnumerateArray());
        Assert.True(o.GetProperty("weeks").GetArrayLength() >= 4);
        Assert.NotEmpty(o.GetProperty("responses").EnumerateArray());
    }
}

public sealed class DemoLoopTestsOnSqlite(DemoDeskFixture server) : DemoLoopTests(server), IClassFixture<DemoDeskFixture>;

public sealed class DemoLoopTestsOnPostgreSql(DemoDeskPostgreSqlFixture server) : DemoLoopTests(server), IClassFixture<DemoDeskPostgreSqlFixture>;
