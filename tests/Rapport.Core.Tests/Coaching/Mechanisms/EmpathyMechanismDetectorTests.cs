using Rapport.Core.Coaching;

namespace Rapport.Core.Tests.Coaching.Mechanisms;

public sealed class EmpathyMechanismDetectorTests
{
    private static readonly EmpathyMechanismDetector Detector = EmpathyMechanismDetector.Default;

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("?! ...")]
    public void Detect_EmptyReply_ReturnsAllNone(string reply)
    {
        var result = Detector.Detect(reply, "My order never arrived.");

        Assert.Equal(MechanismLevel.None, result.EmotionalReactions);
        Assert.Equal(MechanismLevel.None, result.Interpretations);
        Assert.Equal(MechanismLevel.None, result.Explorations);
        Assert.Empty(result.EmotionalReactionEvidence);
        Assert.Empty(result.InterpretationEvidence);
        Assert.Empty(result.ExplorationEvidence);
    }

    [Theory]
    [InlineData("Please check our FAQ.", MechanismLevel.None)]
    [InlineData("Take the bus to the city centre and ask at the desk.", MechanismLevel.None)]
    [InlineData("Hang in there, things will get better.", MechanismLevel.Weak)]
    [InlineData("Good luck with the interview!", MechanismLevel.Weak)]
    [InlineData("You're not alone, I'm here if you want to talk.", MechanismLevel.Weak)]
    [InlineData("We apologize for the inconvenience.", MechanismLevel.Weak)]
    [InlineData("I'm so sorry you're going through this.", MechanismLevel.Strong)]
    [InlineData("im sorry that happened to you", MechanismLevel.Strong)]
    [InlineData("My heart goes out to you.", MechanismLevel.Strong)]
    public void Detect_EmotionalReactions_RatesLevel(string reply, MechanismLevel expected) =>
        Assert.Equal(expected, Detector.Detect(reply, "").EmotionalReactions);

    [Theory]
    [InlineData("Please check our FAQ.", MechanismLevel.None)]
    [InlineData("I think you should talk to a doctor.", MechanismLevel.None)]
    [InlineData("I understand how you feel.", MechanismLevel.Weak)]
    [InlineData("I can relate.", MechanismLevel.Weak)]
    [InlineData("It must be so frustrating when nobody listens.", MechanismLevel.Strong)]
    [InlineData("I've been through the same thing after my divorce.", MechanismLevel.Strong)]
    [InlineData("Me too, I used to lie awake every night.", MechanismLevel.Strong)]
    public void Detect_Interpretations_RatesLevel(string reply, MechanismLevel expected) =>
        Assert.Equal(expected, Detector.Detect(reply, "").Interpretations);

    [Theory]
    [InlineData("Please check our FAQ.", MechanismLevel.None)]
    [InlineData("Is there anything else?", MechanismLevel.None)]
    [InlineData("Why not give it another try?", MechanismLevel.None)]
    [InlineData("Do you want to talk about it?", MechanismLevel.None)]
    [InlineData("How are you?", MechanismLevel.Weak)]
    [InlineData("What happened?", MechanismLevel.Weak)]
    [InlineData("What happened when you tried to call the bank?", MechanismLevel.Strong)]
    [InlineData("Do you have a therapist you trust?", MechanismLevel.Strong)]
    [InlineData("how long have you been waiting for the refund", MechanismLevel.Strong)]
    public void Detect_Explorations_RatesLevel(string reply, MechanismLevel expected) =>
        Assert.Equal(expected, Detector.Detect(reply, "").Explorations);

    [Fact]
    public void Support_desk_replies_are_rated_like_peer_support()
    {
        const string Context = "My order arrived damaged and I waited three weeks for it.";

        Assert.Equal(MechanismLevel.Strong, Detector.Detect("I'm really sorry to hear that your order arrived damaged", Context).EmotionalReactions);
        Assert.Equal(MechanismLevel.Strong, Detector.Detect("I completely understand how disappointing this must be", Context).Interpretations);
        Assert.Equal(MechanismLevel.Strong, Detector.Detect("Could you tell me the order number and what the damage looks like?", Context).Explorations);
        Assert.NotEqual(MechanismLevel.Strong, Detector.Detect("Is there anything else?", Context).Explorations);
        var faq = Detector.Detect("Please check our FAQ.", Context);
        Assert.Equal(
            (MechanismLevel.None, MechanismLevel.None, MechanismLevel.None),
            (faq.EmotionalReactions, faq.Interpretations, faq.Explorations));
    }

    [Fact]
    public void Support_agent_actions_are_not_self_disclosure()
    {
        var result = Detector.Detect("I checked your account and I have escalated the refund to our billing team.", "Where is my refund?");

        Assert.Equal(MechanismLevel.None, result.Interpretations);
    }

    [Fact]
    public void Detect_Evidence_PointsAtThePhrase()
    {
        const string Reply = "Thanks for writing in. I'm so sorry you're going through this. What happened when you called?";

        var result = Detector.Detect(Reply, "");

        var reaction = Assert.Single(result.EmotionalReactionEvidence);
        Assert.StartsWith("I'm so sorry", Reply[reaction], StringComparison.Ordinal);
        Assert.Equal(Reply.IndexOf("I'm so sorry", StringComparison.Ordinal), reaction.Start.Value);
        var exploration = Assert.Single(result.ExplorationEvidence);
        Assert.Equal("What happened when you called", Reply[exploration]);
    }

    [Fact]
    public void Detect_Evidence_IsOrderedAndDoesNotOverlap()
    {
        const string Reply = "Sorry to hear that. Hang in there, friend. Good luck with everything <3";

        var evidence = Detector.Detect(Reply, "").EmotionalReactionEvidence;

        Assert.True(evidence.Count >= 3);
        for (var i = 1; i < evidence.Count; i++)
        {
            Assert.True(evidence[i - 1].End.Value < evidence[i].Start.Value);
        }
    }

    [Fact]
    public void Apologising_for_oneself_is_not_compassion()
    {
        Assert.Equal(MechanismLevel.None, Detector.Detect("Sorry for my English.", "").EmotionalReactions);
        Assert.Equal(MechanismLevel.None, Detector.Detect("I'm not sorry at all.", "").EmotionalReactions);
    }

    [Fact]
    public void A_paraphrase_counts_only_when_it_restates_the_context()
    {
        const string Reply = "Your package arrived damaged after three weeks of waiting.";

        Assert.Equal(MechanismLevel.None, Detector.Detect(Reply, "").Interpretations);
        Assert.Equal(
            MechanismLevel.Strong,
            Detector.Detect(Reply, "The package arrived today, damaged. I waited three weeks!").Interpretations);
    }

    [Fact]
    public void A_question_about_the_context_is_specific()
    {
        Assert.Equal(MechanismLevel.Weak, Detector.Detect("Why do you feel that way about it?", "").Explorations);
        Assert.Equal(MechanismLevel.Strong, Detector.Detect("What happened with your sister?", "").Explorations);
        Assert.Equal(MechanismLevel.Weak, Detector.Detect("How is your life?", "").Explorations);
        Assert.Equal(MechanismLevel.Strong, Detector.Detect("How is your life?", "My life is falling apart.").Explorations);
    }

    [Fact]
    public void Quoted_lines_are_the_other_persons_words()
    {
        var result = Detector.Detect("> Why does everyone hate me?\nNobody hates you.", "Why does everyone hate me?");

        Assert.Equal(MechanismLevel.None, result.Explorations);
    }

    [Fact]
    public void Detect_IsThreadSafe()
    {
        const string Reply = "I'm sorry. I've been there too. What did your doctor say about the new medication?";
        var expected = Detector.Detect(Reply, "My doctor changed my medication.");

        Parallel.For(0, 200, _ =>
        {
            var result = Detector.Detect(Reply, "My doctor changed my medication.");
            Assert.Equal(expected.EmotionalReactions, result.EmotionalReactions);
            Assert.Equal(expected.Interpretations, result.Interpretations);
            Assert.Equal(expected.Explorations, result.Explorations);
            Assert.Equal(expected.ExplorationEvidence, result.ExplorationEvidence);
        });
    }

    [Fact]
    public void Default_IsOneInstance() => Assert.Same(EmpathyMechanismDetector.Default, EmpathyMechanismDetector.Default);
}
