using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Conversations;
using Rapport.Desk.Customers;

namespace Rapport.Desk.Tests.Conversations;

public sealed class PriorityRefresherTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static async Task<long> StartWithMessageAsync(DeskDatabase desk, string body)
    {
        var customer = await desk.Customers.CreateAsync(new CustomerFields("Wren Waits", null, "en", [], null), CancellationToken.None);
        var conversation = await desk.Conversations.StartAsync(new NewConversation(customer.Id, Channel.Email, "Order"), CancellationToken.None);
        await desk.Conversations.AddCustomerMessageAsync(conversation.Id, new NewMessage(body), CancellationToken.None);
        return conversation.Id;
    }

    private static Task<Conversation> ReadAsync(DeskDatabase desk, long id) =>
        desk.Db.Conversations.AsNoTracking().SingleAsync(c => c.Id == id);

    [Fact]
    public async Task RefreshAsync_ThreeHoursLater_RaisesPriorityAndSaysWaiting3h()
    {
        await using var desk = await DeskDatabase.CreateAsync(Now);
        var id = await StartWithMessageAsync(desk, "Any news on my order? It was due on Monday.");
        var before = await ReadAsync(desk, id);
        Assert.DoesNotContain("waiting", before.PriorityReason, StringComparison.Ordinal);

        desk.Time.Advance(TimeSpan.FromHours(3));
        var changed = await desk.Refresher.RefreshAsync(CancellationToken.None);

        var after = await ReadAsync(desk, id);
        Assert.Equal(1, changed);
        Assert.True(after.Priority > before.Priority, $"{after.Priority} <= {before.Priority}");
        Assert.Contains("waiting 3 h", after.PriorityReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshAsync_SameTimeAgain_ChangesNothing()
    {
        await using var desk = await DeskDatabase.CreateAsync(Now);
        var id = await StartWithMessageAsync(desk, "Where is my parcel?");
        desk.Time.Advance(TimeSpan.FromMinutes(90));
        await desk.Refresher.RefreshAsync(CancellationToken.None);
        var first = await ReadAsync(desk, id);

        var changed = await desk.Refresher.RefreshAsync(CancellationToken.None);

        var second = await ReadAsync(desk, id);
        Assert.Equal(0, changed);
        Assert.Equal(first.Priority, second.Priority);
        Assert.Equal(first.PriorityReason, second.PriorityReason);
    }

    [Fact]
    public async Task RefreshAsync_MatchesTheRecomputeOnANewMessage()
    {
        // The batch path must give the same score as the per-message path for the same inputs and time.
        await using var desk = await DeskDatabase.CreateAsync(Now);
        var id = await StartWithMessageAsync(desk, "This is the third time I'm writing. I want a refund NOW!");
        desk.Time.Advance(TimeSpan.FromHours(5));
        await desk.Refresher.RefreshAsync(CancellationToken.None);
        var refreshed = await ReadAsync(desk, id);

        await desk.Conversations.ChangeStatusAsync(id, ConversationStatus.Open, CancellationToken.None);
        var recomputed = await ReadAsync(desk, id);

        Assert.Equal(recomputed.Priority, refreshed.Priority);
        Assert.Equal(recomputed.PriorityReason, refreshed.PriorityReason);
    }

    [Fact]
    public async Task RefreshAsync_SmallBatches_ReachEveryWaitingConversationAndSkipAnsweredOnes()
    {
        await using var desk = await DeskDatabase.CreateAsync(Now);
        var waiting = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            waiting.Add(await StartWithMessageAsync(desk, $"Question number {i} about my order."));
        }

        var answered = await StartWithMessageAsync(desk, "Can I change my address?");
        await desk.Conversations.AddAgentReplyAsync(answered, new AgentReply("Yes, in your account settings."), dryRun: false, CancellationToken.None);
        var answeredBefore = await ReadAsync(desk, answered);

        desk.Time.Advance(TimeSpan.FromHours(3));
        var changed = await desk.Refresher.RefreshAsync(batchSize: 2, CancellationToken.None);

        Assert.Equal(5, changed);
        foreach (var id in waiting)
        {
            Assert.Contains("waiting 3 h", (await ReadAsync(desk, id)).PriorityReason, StringComparison.Ordinal);
        }

        Assert.Equal(answeredBefore.Priority, (await ReadAsync(desk, answered)).Priority);
    }
}
