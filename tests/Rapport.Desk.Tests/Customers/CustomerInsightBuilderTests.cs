using Rapport.Desk.Conversations;
using Rapport.Desk.Customers;

namespace Rapport.Desk.Tests.Customers;

public sealed class CustomerInsightBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static Conversation Conversation(
        long id, string subject, TimeSpan ago, ConversationStatus status = ConversationStatus.Open, Channel channel = Channel.Email,
        TimeSpan? waiting = null, long? assignee = null, TimeSpan? resolvedAgo = null, params string[] labels) => new()
        {
            Id = id,
            CustomerId = 1,
            Subject = subject,
            Channel = channel,
            Status = status,
            CreatedAt = Now - ago,
            WaitingSince = waiting is { } w ? Now - w : null,
            AssigneeId = assignee,
            ResolvedAt = resolvedAgo is { } r ? Now - r : null,
            Labels = [.. labels],
        };

    private static InsightMessage Message(long conversationId, TimeSpan ago, string body, double valence = 0, double risk = 0, params (string Label, double Score)[] emotions) =>
        new(conversationId, Now - ago, body, [.. emotions.Select(e => e.Label)], emotions.ToDictionary(e => e.Label, e => e.Score), valence, 0.5, risk);

    private static CustomerInsight Build(IReadOnlyList<Conversation> conversations, params InsightMessage[] messages) =>
        CustomerInsightBuilder.Build(1, conversations, conversations.ToDictionary(c => c.Id, c => messages.Count(m => m.ConversationId == c.Id)), messages, Now);

    private static TimeSpan Hours(double h) => TimeSpan.FromHours(h);

    private static TimeSpan Days(double d) => TimeSpan.FromDays(d);

    [Fact]
    public void Build_NoConversations_IsEmptyWithUnknownTrend()
    {
        var insight = Build([]);

        Assert.Empty(insight.History);
        Assert.Empty(insight.OpenIssues);
        Assert.Empty(insight.NeedsNext);
        Assert.Equal(0, insight.RepeatContacts);
        Assert.Equal(CustomerInsightBuilder.Unknown, insight.Trend.Summary);
        Assert.Null(insight.Trend.Change);
    }

    [Fact]
    public void Build_History_IsNewestFirstWithChannelsCountsAndDominantEmotion()
    {
        var insight = Build(
            [Conversation(1, "Late parcel", Days(3), channel: Channel.Email), Conversation(2, "Still late", Days(1), channel: Channel.Chat),
             Conversation(3, "Old question", Days(45), ConversationStatus.Closed, Channel.Chat, resolvedAgo: Days(44))],
            Message(1, Days(3), "Where is it?", -0.2, 0.2, ("confusion", 0.6)),
            Message(2, Days(1), "Still nothing!", -0.6, 0.5, ("frustration", 0.8), ("anger", 0.55)),
            Message(2, Hours(20), "Hello??", -0.5, 0.5, ("frustration", 0.7)));

        Assert.Equal([2L, 1L, 3L], insight.History.Select(h => h.ConversationId));
        Assert.Equal("frustration", insight.History[0].DominantEmotion);
        Assert.Equal(2, insight.History[0].MessageCount);
        Assert.Equal("neutral", insight.History[2].DominantEmotion);
        Assert.Equal(2, insight.Channels[Channel.Chat]);
        Assert.Equal(1, insight.Channels[Channel.Email]);
        Assert.Equal(2, insight.ContactsLast30Days);
        Assert.Equal(1, insight.RepeatContacts);
        Assert.Equal([2L, 1L], insight.OpenIssues.Select(o => o.ConversationId).Order().Reverse());
    }

    [Fact]
    public void Trend_ValenceFalls_IsWorsening()
    {
        var insight = Build(
            [Conversation(1, "Order", Days(5))],
            Message(1, Days(5), "Hi, quick question", 0.3),
            Message(1, Days(4), "Any news?", 0.0),
            Message(1, Days(3), "This is getting annoying", -0.4),
            Message(1, Days(2), "Unacceptable", -0.7));

        Assert.Equal(CustomerInsightBuilder.Worsening, insight.Trend.Summary);
        Assert.Equal(-0.7, insight.Trend.Change!.Value, 3); // mean(-0.4, -0.7) - mean(0.3, 0.0)
        Assert.Equal(4, insight.Trend.Points.Count);
        Assert.True(insight.Trend.Points.Select(p => p.At).SequenceEqual(insight.Trend.Points.Select(p => p.At).Order()));
    }

    [Fact]
    public void Build_WorseningToNeutral_IsNoReasonForARecoveryCall()
    {
        var delighted = Build([Conversation(1, "Q", Days(2))], Message(1, Days(2), "Love it!", 0.9), Message(1, Days(1), "Is the code still valid?", 0.0));
        var upset = Build([Conversation(1, "Q", Days(2))], Message(1, Days(2), "Love it!", 0.9), Message(1, Days(1), "This is a joke.", -0.5));

        Assert.Equal(CustomerInsightBuilder.Worsening, delighted.Trend.Summary);
        Assert.DoesNotContain(delighted.NeedsNext, n => n.Kind == "recovery-call");
        Assert.Contains(upset.NeedsNext, n => n.Kind == "recovery-call" && n.Reason.Contains("worsening", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-0.5, 0.4, "improving")]
    [InlineData(0.1, 0.2, "steady")]
    [InlineData(0.2, 0.0, "worsening")]
    public void Trend_FollowsTheDocumentedThreshold(double first, double second, string expected)
    {
        var insight = Build([Conversation(1, "Q", Days(2))], Message(1, Days(2), "a", first), Message(1, Days(1), "b", second));

        Assert.Equal(expected, insight.Trend.Summary);
    }

    [Fact]
    public void Build_UnresolvedRefund_SuggestsRefundFollowUpQuotingTheWord()
    {
        var insight = Build(
            [Conversation(7, "Jacket return", Days(2), ConversationStatus.Pending)],
            Message(7, Days(2), "When will I get my refund for the jacket?", -0.1));

        var step = Assert.Single(insight.NeedsNext, n => n.Kind == "refund-follow-up");
        Assert.Equal([7L], step.ConversationIds);
        Assert.Contains("#7", step.Reason, StringComparison.Ordinal);
        Assert.Contains("\"refund\"", step.Reason, StringComparison.Ordinal);
        Assert.Contains("pending", step.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ResolvedRefund_DoesNotAskForAFollowUp()
    {
        var insight = Build(
            [Conversation(7, "Refund", Days(2), ConversationStatus.Resolved, resolvedAgo: Days(1))],
            Message(7, Days(2), "Thanks for the refund!", 0.8, 0, ("gratitude", 0.9)));

        Assert.Empty(insight.NeedsNext);
    }

    [Fact]
    public void Build_ThreeContactsOnOneTopicWithin30Days_SuggestsOneOwner()
    {
        var insight = Build(
            [Conversation(1, "Order never arrived", Days(6), assignee: 10), Conversation(2, "Still nothing", Days(3), assignee: 11, labels: "delivery"),
             Conversation(3, "Parcel", Days(1))],
            Message(1, Days(6), "My order hasn't arrived"), Message(2, Days(3), "Still no blender."), Message(3, Days(1), "Where is the parcel?"));

        var step = Assert.Single(insight.NeedsNext, n => n.Kind == "single-owner");
        Assert.Equal([1L, 2L, 3L], step.ConversationIds);
        Assert.Contains("3 contacts in 30 days about delivery", step.Reason, StringComparison.Ordinal);
        Assert.Contains("2 different agents", step.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ThirdContactOutsideTheWindow_DoesNotCount()
    {
        var insight = Build(
            [Conversation(1, "Parcel late", Days(40), ConversationStatus.Closed, resolvedAgo: Days(39)), Conversation(2, "Parcel late", Days(3)), Conversation(3, "Parcel late", Days(1))]);

        Assert.DoesNotContain(insight.NeedsNext, n => n.Kind == "single-owner");
        Assert.Equal(1, insight.RepeatContacts);
    }

    [Fact]
    public void Build_ResolvedButLastMessageNegative_SuggestsCheckingTheFixHeld()
    {
        var insight = Build(
            [Conversation(4, "App crashes", Days(5), ConversationStatus.Resolved, resolvedAgo: Days(2))],
            Message(4, Days(5), "The app crashes on start", -0.3),
            Message(4, Days(2), "Still crashing, honestly I give up", -0.6, 0.3, ("frustration", 0.8)));

        var step = Assert.Single(insight.NeedsNext, n => n.Kind == "check-fix-held");
        Assert.Equal([4L], step.ConversationIds);
        Assert.Contains("resolved 2 d ago", step.Reason, StringComparison.Ordinal);
        Assert.Contains("frustration", step.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LongWaitAndHighRisk_PutsReplyFirstThenRecoveryCall()
    {
        var insight = Build(
            [Conversation(9, "Charged twice", Hours(6), waiting: Hours(6))],
            Message(9, Hours(6), "You charged me TWICE. Fix it or I'm going to my bank.", -0.8, 0.85, ("anger", 0.9)));

        Assert.Equal(["reply-first", "recovery-call", "refund-follow-up"], insight.NeedsNext.Select(n => n.Kind));
        Assert.Contains("waited 6 h", insight.NeedsNext[0].Reason, StringComparison.Ordinal);
        Assert.Contains("escalation risk 0.85", insight.NeedsNext[1].Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"charged\"", insight.NeedsNext[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ShortWaitCalmCustomer_SuggestsNothing()
    {
        var insight = Build([Conversation(1, "Opening hours", Hours(1), waiting: Hours(1))], Message(1, Hours(1), "What time do you open on Sunday?", 0.1, 0.05));

        Assert.Empty(insight.NeedsNext);
        Assert.Single(insight.OpenIssues);
    }

    [Theory]
    [InlineData("I was CHARGED twice", "charg", "charged")]
    [InlineData("discharge", "charg", null)]
    [InlineData("It hasn't arrived.", "arriv", "arrived")]
    public void FindWordStart_MatchesOnlyAtAWordStart(string text, string keyword, string? expected) =>
        Assert.Equal(expected, InsightTopics.FindWordStart(text, keyword));
}
