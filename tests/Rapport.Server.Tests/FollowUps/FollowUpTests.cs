using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Server.Tests.Promises;

namespace Rapport.Server.Tests.FollowUps;

/// <summary>Follow-ups end to end on a fake clock: the check-in after the team's delay, a lead's review first for an
/// upset customer, a quiet customer reminded once then closed, and a customer reply cancelling.</summary>
public abstract class FollowUpTests(Sla.FakeClockDeskFixture server)
{
    private async Task<JsonElement[]> FollowUpsAsync(long conversation, string? state = null) =>
        [.. (await server.GetJsonAsync($"/api/v1/follow-ups?conversationId={conversation}" + (state is null ? "" : "&state=" + state))).EnumerateArray()];

    private async Task<int> SurveysAsync(long conversation) =>
        (await server.GetJsonAsync($"/api/v1/conversations/{conversation}/surveys")).GetArrayLength();

    [Fact]
    public async Task A_resolved_conversation_gets_a_check_in_with_a_survey_after_the_team_delay_once()
    {
        var (team, agent) = await LoopDesk.TeamWithAgentAsync(server);
        using (var put = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/follow-ups/teams/{team}/settings", UriKind.Relative), new { followUpAfterHours = 24, quietAfterHours = 48 }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var id = await LoopDesk.StartAsync(server, "Hello, my kettle does not switch on.", agent);
        await LoopDesk.ReplyAsync(server, id, agent, "Thank you for letting us know. A new fuse is on its way to you today.");
        await LoopDesk.SetStatusAsync(server, id, "resolved");
        var followUp = Assert.Single(await FollowUpsAsync(id), f => f.GetProperty("kind").GetString() == "resolved");
        Assert.Equal("scheduled", followUp.GetProperty("state").GetString());
        Assert.Equal(server.Time.GetUtcNow().AddHours(24), followUp.GetProperty("dueAt").GetDateTimeOffset());

        server.Time.Advance(TimeSpan.FromHours(23));
        await server.SweepAsync();
        Assert.Equal(0, await SurveysAsync(id));

        server.Time.Advance(TimeSpan.FromHours(1));
        await server.SweepAsync();
        await server.SweepAsync();
        Assert.Equal(1, await SurveysAsync(id));
        var done = Assert.Single(await FollowUpsAsync(id), f => f.GetProperty("kind").GetString() == "resolved");
        Assert.Equal("done", done.GetProperty("state").GetString());
        var checkIn = Assert.Single(await LoopDesk.AssistantMessagesAsync(server, id));
        Assert.Contains("still working", checkIn, StringComparison.Ordinal);
        Assert.Contains("/survey/", checkIn, StringComparison.Ordinal);
        Assert.Equal("resolved", (await LoopDesk.ConversationAsync(server, id)).GetProperty("conversation").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_upset_customer_at_close_needs_a_lead_review_before_any_survey()
    {
        var (_, agent) = await LoopDesk.TeamWithAgentAsync(server);
        var id = await LoopDesk.StartAsync(server, "Where is my order?", agent);
        await LoopDesk.ReplyAsync(server, id, agent, "It is on its way and arrives on Monday.");
        await LoopDesk.CustomerWritesAsync(server, id, "This is absolutely unacceptable!!! I am furious. This is the third time I write and NOBODY helps. Refund me now or I will cancel my account and report you!");
        await LoopDesk.SetStatusAsync(server, id, "resolved");

        var review = Assert.Single(await FollowUpsAsync(id, "needsReview"));
        Assert.False(string.IsNullOrEmpty(review.GetProperty("upsetReason").GetString()));
        server.Time.Advance(TimeSpan.FromDays(4));
        await server.SweepAsync();
        Assert.Equal(0, await SurveysAsync(id));
        Assert.Empty(await LoopDesk.AssistantMessagesAsync(server, id));

        var reviewed = await server.PostJsonAsync($"/api/v1/follow-ups/{review.GetProperty("id").GetInt64()}/reviewed", new { agentId = agent, note = "Called the customer, refund agreed." }, 200);
        Assert.Equal("scheduled", reviewed.GetProperty("state").GetString());
        using (var again = await server.Client.PostAsJsonAsync(new Uri($"/api/v1/follow-ups/{review.GetProperty("id").GetInt64()}/reviewed", UriKind.Relative), new { }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        }

        await server.SweepAsync();
        Assert.Equal(1, await SurveysAsync(id));
        Assert.Single(await LoopDesk.AssistantMessagesAsync(server, id));
    }

    [Fact]
    public async Task A_quiet_customer_is_reminded_once_then_the_conversation_closes()
    {
        var (_, agent) = await LoopDesk.TeamWithAgentAsync(server);
        var id = await LoopDesk.StartAsync(server, "My kettle leaks.", agent);
        await LoopDesk.ReplyAsync(server, id, agent, "Sorry to hear that. Could you send us a photo of the base of the kettle?");
        Assert.Equal("pending", (await LoopDesk.ConversationAsync(server, id)).GetProperty("conversation").GetProperty("status").GetString());

        server.Time.Advance(TimeSpan.FromHours(47));
        await server.SweepAsync();
        Assert.Empty(await LoopDesk.AssistantMessagesAsync(server, id));

        server.Time.Advance(TimeSpan.FromHours(1));
        await server.SweepAsync();
        await server.SweepAsync();
        var reminder = Assert.Single(await LoopDesk.AssistantMessagesAsync(server, id));
        Assert.Contains("just checking in", reminder, StringComparison.Ordinal);
        Assert.Equal("pending", (await LoopDesk.ConversationAsync(server, id)).GetProperty("conversation").GetProperty("status").GetString());

        server.Time.Advance(TimeSpan.FromHours(48));
        await server.SweepAsync();
        await server.SweepAsync();
        Assert.Single(await LoopDesk.AssistantMessagesAsync(server, id));
        Assert.Equal("closed", (await LoopDesk.ConversationAsync(server, id)).GetProperty("conversation").GetProperty("status").GetString());
        var quiet = Assert.Single(await FollowUpsAsync(id), f => f.GetProperty("kind").GetString() == "quiet");
        Assert.Equal("done", quiet.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_customer_reply_cancels_the_reminder_and_the_closing()
    {
        var (_, agent) = await LoopDesk.TeamWithAgentAsync(server);
        var id = await LoopDesk.StartAsync(server, "My kettle leaks.", agent);
        await LoopDesk.ReplyAsync(server, id, agent, "Sorry to hear that. Could you send us a photo of the base of the kettle?");
        server.Time.Advance(TimeSpan.FromHours(47));
        await LoopDesk.CustomerWritesAsync(server, id, "Here is the photo, thanks.");
        var cancelled = Assert.Single(await FollowUpsAsync(id, "cancelled"));
        Assert.Equal("quiet", cancelled.GetProperty("kind").GetString());

        server.Time.Advance(TimeSpan.FromDays(5));
        await server.SweepAsync();
        Assert.Empty(await LoopDesk.AssistantMessagesAsync(server, id));
        Assert.Equal("open", (await LoopDesk.ConversationAsync(server, id)).GetProperty("conversation").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_follow_up_requests_get_problem_details()
    {
        using (var r = await server.Client.GetAsync(new Uri("/api/v1/follow-ups?state=later", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        }

        using (var r = await server.Client.PostAsJsonAsync(new Uri("/api/v1/follow-ups/987654/reviewed", UriKind.Relative), new { }))
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }

        using (var r = await server.Client.PutAsJsonAsync(new Uri("/api/v1/follow-ups/teams/987654/settings", UriKind.Relative), new { followUpAfterHours = 24, quietAfterHours = 48 }))
        {
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }

        var (team, _) = await LoopDesk.TeamWithAgentAsync(server);
        using (var r = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/follow-ups/teams/{team}/settings", UriKind.Relative), new { followUpAfterHours = 0 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var body = await r.Content.ReadAsStringAsync();
            Assert.Contains("followUpAfterHours", body, StringComparison.Ordinal);
            Assert.Contains("quietAfterHours", body, StringComparison.Ordinal);
        }
    }
}

public sealed class FollowUpTestsOnSqlite(Sla.FakeClockDeskSqliteFixture server) : FollowUpTests(server), IClassFixture<Sla.FakeClockDeskSqliteFixture>;

public sealed class FollowUpTestsOnPostgreSql(Sla.FakeClockDeskPostgreSqlFixture server) : FollowUpTests(server), IClassFixture<Sla.FakeClockDeskPostgreSqlFixture>;
