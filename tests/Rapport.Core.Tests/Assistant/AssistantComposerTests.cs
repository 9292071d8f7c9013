using Rapport.Core.Assistant;
using Rapport.Core.Emotions;

namespace Rapport.Core.Tests.Assistant;

public sealed class AssistantComposerTests
{
    private const string RefundPassage = "After we issue it, the money usually appears within **3–5 working days** on cards, 1 day on PayPal.";

    private static readonly AssistantPassage Refund = new("refund-timing", "When will I get my refund?", RefundPassage, 0.8);

    private static AssistantTurn Turn(string message, AssistantPassage? passage, int failed = 0, string? name = "Maria Lopez") =>
        new([message], EmotionAnalyzer.Default.Analyze(message), name, passage, failed, Seed: 1);

    [Fact]
    public void Reply_ConfidentPassage_AnswersVerbatimWithNameAcknowledgementAndOfferOfPerson()
    {
        var reply = AssistantComposer.Default.Reply(Turn("I returned my jacket two weeks ago and I'm worried the refund got lost. When will I get it?", Refund));

        Assert.True(reply.Answered);
        Assert.False(reply.HandOff);
        Assert.Empty(reply.Reasons);
        Assert.Equal("refund-timing", reply.ArticleSlug);
        Assert.Contains(RefundPassage, reply.Text, StringComparison.Ordinal);
        Assert.Contains("Maria", reply.Text, StringComparison.Ordinal);
        Assert.Contains(AssistantComposer.OfferOfPerson, reply.Text, StringComparison.Ordinal);
        Assert.Equal(Rapport.Core.Coaching.FindingStatus.Met, reply.Review[Rapport.Core.Coaching.Practice.AcknowledgesFeeling].Status);
    }

    [Fact]
    public void Reply_NoPassage_SaysSoHonestlyAndOffersAPersonWithoutHandingOff()
    {
        var reply = AssistantComposer.Default.Reply(Turn("Do you sell replacement parts for a 1970s typewriter?", null));

        Assert.False(reply.Answered);
        Assert.Null(reply.ArticleSlug);
        Assert.False(reply.HandOff);
        Assert.Contains(AssistantComposer.NoAnswer, reply.Text, StringComparison.Ordinal);
        Assert.Contains(AssistantComposer.RephraseOrPerson, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_PassageBelowThreshold_IsNotUsed()
    {
        var reply = AssistantComposer.Default.Reply(Turn("When will my refund arrive?", Refund with { Confidence = 0.2 }));

        Assert.False(reply.Answered);
        Assert.DoesNotContain("3–5 working days", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_SecondMiss_HandsOffBecauseItFailedTwice()
    {
        var reply = AssistantComposer.Default.Reply(Turn("I mean the thing with the typewriter ribbon", null, failed: 1));

        Assert.True(reply.HandOff);
        Assert.Contains(HandOffReason.FailedTwice, reply.Reasons);
        Assert.Contains(AssistantComposer.HandingOver, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_AngryMessage_HandsOffForEscalationRiskAndStillGivesTheAnswer()
    {
        var message = "This is the THIRD time I'm asking where my refund is!!! Absolutely useless, I'm done with you people.";
        Assert.True(EmotionAnalyzer.Default.Analyze(message).EscalationRisk >= 0.7, "the test message should read as high risk");

        var reply = AssistantComposer.Default.Reply(Turn(message, Refund));

        Assert.True(reply.HandOff);
        Assert.Contains(HandOffReason.HighEscalationRisk, reply.Reasons);
        Assert.Contains(RefundPassage, reply.Text, StringComparison.Ordinal);
        Assert.Contains(AssistantComposer.HandingOver, reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("let me talk to a human")]
    [InlineData("Can I speak with a real person please")]
    [InlineData("agent")]
    [InlineData("I want a human, not a bot")]
    public void Reply_AsksForAPerson_HandsOff(string message)
    {
        var reply = AssistantComposer.Default.Reply(Turn(message, null));

        Assert.True(reply.HandOff);
        Assert.Contains(HandOffReason.AskedForPerson, reply.Reasons);
    }

    [Theory]
    [InlineData("I'm disputing the charge with my bank", HandOffReason.BillingDispute)]
    [InlineData("I'll file a chargeback if this isn't fixed", HandOffReason.BillingDispute)]
    [InlineData("I think my account was hacked, there are orders I didn't make", HandOffReason.Security)]
    [InlineData("my card was stolen and used on your site", HandOffReason.Security)]
    public void Reply_SensitiveTopic_HandsOff(string message, HandOffReason reason)
    {
        var reply = AssistantComposer.Default.Reply(Turn(message, Refund));

        Assert.True(reply.HandOff);
        Assert.Contains(reason, reply.Reasons);
    }

    [Theory]
    [InlineData("How do I change my delivery address?")]
    [InlineData("Is the person who delivers parcels employed by you?")]
    public void Reply_CalmQuestion_DoesNotHandOff(string message)
    {
        var reply = AssistantComposer.Default.Reply(Turn(message, Refund));

        Assert.False(reply.HandOff, string.Join(", ", reply.Reasons));
    }

    [Fact]
    public void Reply_SameSeed_SameText()
    {
        var turn = Turn("When will I get my refund?", Refund);

        Assert.Equal(AssistantComposer.Default.Reply(turn).Text, AssistantComposer.Default.Reply(turn).Text);
    }
}
