using Microsoft.Extensions.Time.Testing;
using Rapport.Desk.Conversations;

namespace Rapport.Desk.Tests.Conversations;

public sealed class PriorityCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);

    private PriorityScore Compute(
        double risk = 0, double intensity = 0, string[]? labels = null, TimeSpan? waiting = null,
        TimeSpan[]? otherContactsAgo = null, string[]? tags = null, ConversationStatus status = ConversationStatus.Open) =>
        new PriorityCalculator(_time).Compute(new PriorityInputs(
            status,
            labels ?? [],
            risk,
            intensity,
            waiting is { } w ? Now - w : null,
            [.. (otherContactsAgo ?? []).Select(a => Now - a)],
            tags ?? []));

    [Fact]
    public void Compute_AllSignalsAtMaximum_Returns100()
    {
        var score = Compute(risk: 1, intensity: 1, waiting: TimeSpan.FromDays(3650),
            otherContactsAgo: [TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(3)], tags: ["vip"]);

        Assert.Equal(100, score.Score, precision: 0);
    }

    [Fact]
    public void Compute_NoSignals_ReturnsZeroWithNoUrgencyReason()
    {
        var score = Compute();

        Assert.Equal(0, score.Score);
        Assert.Equal("no urgency signals", score.Reason);
    }

    [Fact]
    public void Compute_WeightsFollowTheDocumentedFormula()
    {
        // 0.40 * 0.5 + 0.15 * 0.4 + 0.20 * (4 / (4 + 4)) + 0.15 * (1 / 3) + 0.10 * 0 = 0.2 + 0.06 + 0.1 + 0.05 = 0.41
        var score = Compute(risk: 0.5, intensity: 0.4, waiting: TimeSpan.FromHours(4), otherContactsAgo: [TimeSpan.FromDays(10)]);

        Assert.Equal(41, score.Score, precision: 2);
    }

    [Fact]
    public void Compute_AngryCustomer_RanksAboveCalmOne()
    {
        var angry = Compute(risk: 0.9, intensity: 0.8, labels: ["anger"], waiting: TimeSpan.FromMinutes(5));
        var calm = Compute(risk: 0.1, intensity: 0.1, labels: [], waiting: TimeSpan.FromMinutes(5));

        Assert.True(angry.Score > calm.Score, $"{angry.Score} <= {calm.Score}");
    }

    [Fact]
    public void Compute_WaitingLonger_RaisesPriorityAsTimePasses()
    {
        var calculator = new PriorityCalculator(_time);
        var inputs = new PriorityInputs(ConversationStatus.Open, [], 0.3, 0.3, Now, [], []);
        var before = calculator.Compute(inputs);

        _time.Advance(TimeSpan.FromHours(3));
        var after = calculator.Compute(inputs);

        Assert.True(after.Score > before.Score);
        Assert.Contains("waiting 3 h", after.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_AtTheMomentTheWaitBegan_ReadsAsTheDeskReadItThen()
    {
        // The import picks an SLA band from the priority a live desk had when the customer started waiting.
        var since = Now - TimeSpan.FromHours(6);
        var inputs = new PriorityInputs(ConversationStatus.Open, [], 0.3, 0.3, since, [], []);

        var then = PriorityCalculator.Compute(inputs, since);
        var now = new PriorityCalculator(_time).Compute(inputs);

        Assert.Equal(Compute(risk: 0.3, intensity: 0.3, waiting: TimeSpan.Zero).Score, then.Score, precision: 2);
        Assert.True(now.Score > then.Score + 10, $"{now.Score} vs {then.Score}");
        Assert.DoesNotContain("waiting", then.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_AnsweredConversation_CountsEmotionHalf()
    {
        var waiting = Compute(risk: 0.8, intensity: 0.6, waiting: TimeSpan.Zero);
        var answered = Compute(risk: 0.8, intensity: 0.6, waiting: null);

        Assert.Equal(waiting.Score * PriorityCalculator.AnsweredEmotionFactor, answered.Score, precision: 2);
    }

    [Fact]
    public void Compute_ContactsOlderThan30Days_AreNotRepeats()
    {
        var score = Compute(otherContactsAgo: [TimeSpan.FromDays(31), TimeSpan.FromDays(60)]);

        Assert.Equal(0, score.Score);
    }

    [Fact]
    public void Compute_VipTag_AddsTagWeightInAnyCase()
    {
        var score = Compute(tags: ["VIP"]);

        Assert.Equal(100 * PriorityCalculator.TagWeight, score.Score, precision: 2);
        Assert.Equal("VIP", score.Reason);
    }

    [Theory]
    [InlineData(ConversationStatus.Resolved, "resolved")]
    [InlineData(ConversationStatus.Closed, "closed")]
    public void Compute_ResolvedOrClosed_IsZero(ConversationStatus status, string reason)
    {
        var score = Compute(risk: 1, intensity: 1, waiting: TimeSpan.FromHours(5), tags: ["vip"], status: status);

        Assert.Equal(0, score.Score);
        Assert.Equal(reason, score.Reason);
    }

    [Fact]
    public void Compute_Reason_ReadsLikeAnAgentWouldSayIt()
    {
        var score = Compute(risk: 0.5, intensity: 0.6, labels: ["frustration", "impatience"], waiting: TimeSpan.FromHours(3.2),
            otherContactsAgo: [TimeSpan.FromDays(2), TimeSpan.FromDays(5)]);

        Assert.Equal("frustrated, third contact this week, waiting 3 h", score.Reason);
    }

    [Fact]
    public void Compute_Reason_NamesHighRiskOlderContactsAndVip()
    {
        var score = Compute(risk: 0.8, labels: ["anger"], waiting: TimeSpan.FromMinutes(25),
            otherContactsAgo: [TimeSpan.FromDays(2), TimeSpan.FromDays(20)], tags: ["vip"]);

        Assert.Equal("angry, high escalation risk, third contact this month, waiting 25 min, VIP", score.Reason);
    }

    [Theory]
    [InlineData(1, "first")]
    [InlineData(3, "third")]
    [InlineData(12, "12th")]
    public void Ordinal_GivesWords(int n, string expected) => Assert.Equal(expected, PriorityReason.Ordinal(n));

    [Theory]
    [InlineData(0.5, "30 min")]
    [InlineData(3.9, "3 h")]
    [InlineData(47, "47 h")]
    [InlineData(72, "3 d")]
    public void Duration_GivesShortForm(double hours, string expected) => Assert.Equal(expected, PriorityReason.Duration(TimeSpan.FromHours(hours)));
}
