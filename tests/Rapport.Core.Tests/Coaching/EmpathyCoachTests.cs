using Rapport.Core.Coaching;

namespace Rapport.Core.Tests.Coaching;

public sealed class EmpathyCoachTests
{
    private const string Damaged = "My order arrived damaged and I need it for Saturday";

    private const string GoodReply = "I am really sorry to hear that your order arrived damaged, and I completely understand how disappointing this must be. "
        + "Let me make this right by arranging a return and sending a replacement right away.";

    private static EmpathyReview Review(string reply, string customer = Damaged, string? name = null, bool? atFault = null) =>
        EmpathyCoach.Default.Review(reply, new ReviewContext([customer], name, CompanyAtFault: atFault));

    private static PracticeFinding Finding(string reply, Practice practice, string customer = Damaged, string? name = null, bool? atFault = null) =>
        Review(reply, customer, name, atFault)[practice];

    [Fact]
    public void Review_EmpatheticReplyToDamagedOrder_ScoresAtLeast85()
    {
        var review = Review(GoodReply);

        Assert.True(review.Score >= 85, $"score {review.Score}");
    }

    [Fact]
    public void Review_CurtReplyToDamagedOrder_ScoresAtMost30()
    {
        var review = Review("Return it via the portal.");

        Assert.True(review.Score <= 30, $"score {review.Score}");
        Assert.Equal(FindingStatus.Missed, review[Practice.AcknowledgesFeeling].Status);
    }

    [Fact]
    public void Review_ReturnsOneFindingPerPractice_InEnumOrder()
    {
        var review = Review(GoodReply);

        Assert.Equal(Enum.GetValues<Practice>(), review.Findings.Select(f => f.Practice));
        Assert.All(review.Findings.Where(f => f.Status == FindingStatus.Missed), f => Assert.False(string.IsNullOrWhiteSpace(f.Suggestion)));
        Assert.All(review.Findings.Where(f => f.Status == FindingStatus.Met), f => Assert.Null(f.Suggestion));
    }

    [Fact]
    public void Robotic_reply_scores_low_and_improves_after_suggestion()
    {
        const string curt = "Return it via the portal.";
        var before = Review(curt);
        var acknowledgement = before[Practice.AcknowledgesFeeling].Insert;

        var after = Review($"{acknowledgement} {curt}");

        Assert.NotNull(acknowledgement);
        Assert.Contains("arrived damaged", acknowledgement, StringComparison.Ordinal);
        Assert.True(after.Score > before.Score + 10, $"{before.Score} -> {after.Score}");
        Assert.Equal(FindingStatus.Met, after[Practice.AcknowledgesFeeling].Status);
    }

    [Theory]
    [InlineData("Hi there, I'll send a replacement today.", FindingStatus.Met)]
    [InlineData("Good morning! I'll send a replacement today.", FindingStatus.Met)]
    [InlineData("I'll send a replacement today.", FindingStatus.Missed)]
    public void Greeting_MetOnlyWhenTheReplyOpensWithOne(string reply, FindingStatus expected) =>
        Assert.Equal(expected, Finding(reply, Practice.Greeting).Status);

    [Fact]
    public void UsesName_MetWhenTheFirstNameAppears_MissedOtherwise_NotApplicableWithoutName()
    {
        Assert.Equal(FindingStatus.Met, Finding("Hi maria, I'll send a replacement.", Practice.UsesName, name: "Maria Lopez").Status);
        var missed = Finding("Hi, I'll send a replacement.", Practice.UsesName, name: "Maria Lopez");
        Assert.Equal(FindingStatus.Missed, missed.Status);
        Assert.Contains("Maria", missed.Suggestion, StringComparison.Ordinal);
        Assert.Equal(FindingStatus.NotApplicable, Finding("Hi, I'll send a replacement.", Practice.UsesName).Status);
    }

    [Fact]
    public void AcknowledgesFeeling_SuggestionMatchesTheDetectedEmotion()
    {
        var frustrated = Finding("I'll look into it.", Practice.AcknowledgesFeeling, "This is the third time I'm writing and the app still crashes");
        var worried = Finding("I'll look into it.", Practice.AcknowledgesFeeling, "I'm worried someone hacked my account");
        var neutral = Finding("I'll look into it.", Practice.AcknowledgesFeeling, "Can you tell me my order status?");

        Assert.Equal(FindingStatus.Missed, frustrated.Status);
        Assert.Contains("frustrat", frustrated.Suggestion, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("worr", worried.Suggestion, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(FindingStatus.NotApplicable, neutral.Status);
        Assert.Equal(FindingStatus.Met, Finding("I can see how worrying this is. I'll look into it.", Practice.AcknowledgesFeeling, "I'm worried someone hacked my account").Status);
    }

    [Fact]
    public void Apologizes_AppliesWhenTheCustomerReportsAFault()
    {
        Assert.Equal(FindingStatus.Met, Finding("I'm so sorry about this. I'll send a new one.", Practice.Apologizes).Status);
        var missed = Finding("I'll send a new one.", Practice.Apologizes);
        Assert.Equal(FindingStatus.Missed, missed.Status);
        Assert.Contains("your order arrived damaged", missed.Suggestion, StringComparison.Ordinal);
        Assert.Equal(FindingStatus.NotApplicable, Finding("I'll send a new one.", Practice.Apologizes, "Can you tell me my order status?").Status);
        Assert.Equal(FindingStatus.NotApplicable, Finding("I'll send a new one.", Practice.Apologizes, atFault: false).Status);
    }

    [Fact]
    public void ThanksCustomer_MetOnThanks_SuggestsPatienceAfterAWait()
    {
        Assert.Equal(FindingStatus.Met, Finding("Thank you for letting us know.", Practice.ThanksCustomer).Status);
        var missed = Finding("I'll check.", Practice.ThanksCustomer, "I've been waiting for two weeks for my refund");
        Assert.Equal(FindingStatus.Missed, missed.Status);
        Assert.Contains("patience", missed.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void ReflectsDetails_MetWhenTheReplyUsesTheCustomersSpecifics()
    {
        var met = Finding("I'm sorry the order was damaged; a new one will arrive before Saturday.", Practice.ReflectsDetails);
        var missed = Finding("I'm sorry about that, I'll fix it.", Practice.ReflectsDetails);

        Assert.Equal(FindingStatus.Met, met.Status);
        Assert.NotEmpty(met.Evidence);
        Assert.Equal(FindingStatus.Missed, missed.Status);
        Assert.Contains("damaged", missed.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void AsksClarifyingQuestion_AppliesWhenTheProblemIsUnclear()
    {
        const string vague = "I'm confused, it doesn't work";
        Assert.Equal(FindingStatus.Met, Finding("Sorry about that! Which device are you using, and what do you see on screen?", Practice.AsksClarifyingQuestion, vague).Status);
        Assert.Equal(FindingStatus.Missed, Finding("Please restart it.", Practice.AsksClarifyingQuestion, vague).Status);
        Assert.Equal(FindingStatus.Missed, Finding("Please restart it. Anything else?", Practice.AsksClarifyingQuestion, vague).Status);
        Assert.Equal(FindingStatus.NotApplicable, Finding("Please restart it.", Practice.AsksClarifyingQuestion).Status);
    }

    [Theory]
    [InlineData("Let me sort this out for you.", FindingStatus.Met)]
    [InlineData("I'll ship a replacement.", FindingStatus.Met)]
    [InlineData("A replacement can be requested on the website.", FindingStatus.Missed)]
    public void TakesOwnership_NeedsTheFirstPerson(string reply, FindingStatus expected) =>
        Assert.Equal(expected, Finding(reply, Practice.TakesOwnership).Status);

    [Theory]
    [InlineData("Please calm down, I'll send a new one.")]
    [InlineData("As I said, you should have checked the box.")]
    [InlineData("Per our policy, returns take 30 days.")]
    [InlineData("We can't replace it.")]
    public void PositiveLanguage_FlagsBlameDismissalPolicyAndBareCant(string reply)
    {
        var finding = Finding(reply, Practice.PositiveLanguage);

        Assert.Equal(FindingStatus.Missed, finding.Status);
        Assert.NotEmpty(finding.Evidence);
        Assert.NotNull(finding.Suggestion);
    }

    [Fact]
    public void PositiveLanguage_CantWithAnAlternative_IsFine()
    {
        var finding = Finding("We can't replace it, but what I can do is refund you today.", Practice.PositiveLanguage);

        Assert.Equal(FindingStatus.Met, finding.Status);
    }

    [Fact]
    public void PositiveLanguage_CriticalFailure_CapsTheScore()
    {
        var review = Review("Calm down. " + GoodReply);

        Assert.True(review.Score <= EmpathyCoach.CriticalFailureCap, $"score {review.Score}");
    }

    [Theory]
    [InlineData("I've issued a full refund to your card.", FindingStatus.Met)]
    [InlineData("Please go to Settings and click Reset.", FindingStatus.Met)]
    [InlineData("I understand how you feel.", FindingStatus.Missed)]
    public void OffersSolution_NeedsAConcreteNextStep(string reply, FindingStatus expected) =>
        Assert.Equal(expected, Finding(reply, Practice.OffersSolution).Status);

    [Theory]
    [InlineData("Unfortunately we can't refund it, but I can offer a replacement instead.", FindingStatus.Met)]
    [InlineData("Unfortunately we can't refund it.", FindingStatus.Missed)]
    [InlineData("I'll refund it today.", FindingStatus.NotApplicable)]
    public void OffersAlternatives_AppliesWhenDeclining(string reply, FindingStatus expected) =>
        Assert.Equal(expected, Finding(reply, Practice.OffersAlternatives).Status);

    [Theory]
    [InlineData("I'll send it and update you by Friday.", FindingStatus.Met)]
    [InlineData("You'll receive the new one within 2 days.", FindingStatus.Met)]
    [InlineData("I'll send it.", FindingStatus.Missed)]
    public void PromisesFollowUp_NeedsATimelineOrAFollowUp(string reply, FindingStatus expected) =>
        Assert.Equal(expected, Finding(reply, Practice.PromisesFollowUp).Status);

    [Theory]
    [InlineData("I'll send it. Let me know if there's anything else I can do.", FindingStatus.Met)]
    [InlineData("I'll send it.", FindingStatus.Missed)]
    public void OffersFurtherHelp_NeedsAnOpenDoor(string reply, FindingStatus expected) =>
        Assert.Equal(expected, Finding(reply, Practice.OffersFurtherHelp).Status);

    [Fact]
    public void NotRobotic_FlagsCannedTextThatCouldGoToAnyone()
    {
        var canned = Finding("We apologize for any inconvenience. Please DM us so we can further assist.", Practice.NotRobotic);
        var personal = Finding(GoodReply, Practice.NotRobotic);

        Assert.Equal(FindingStatus.Missed, canned.Status);
        Assert.NotEmpty(canned.Evidence);
        Assert.Contains("damaged", canned.Suggestion, StringComparison.Ordinal);
        Assert.Equal(FindingStatus.Met, personal.Status);
    }

    [Fact]
    public void AcknowledgesBeforeSolving_OrderMatters()
    {
        Assert.Equal(FindingStatus.Met, Finding("I'm so sorry it arrived damaged. I'll send a replacement.", Practice.AcknowledgesBeforeSolving).Status);
        Assert.Equal(FindingStatus.Missed, Finding("I'll send a replacement. Sorry it arrived damaged.", Practice.AcknowledgesBeforeSolving).Status);
        Assert.Equal(FindingStatus.NotApplicable, Finding("Hello.", Practice.AcknowledgesBeforeSolving).Status);
    }

    [Theory]
    [InlineData("I'll send a replacement today.", FindingStatus.Met)]
    [InlineData("YOU NEED TO RETURN IT FIRST.", FindingStatus.Missed)]
    [InlineData("I'll send a replacement today!!!", FindingStatus.Missed)]
    public void Tone_FlagsShoutingAndExclamationPileUps(string reply, FindingStatus expected) =>
        Assert.Equal(expected, Finding(reply, Practice.Tone).Status);

    [Fact]
    public void Tone_FlagsAWallOfText()
    {
        var wall = string.Join(' ', Enumerable.Repeat("and then I will check the order and the warehouse and the courier", 6)) + ".";

        Assert.Equal(FindingStatus.Missed, Finding(wall, Practice.Tone).Status);
    }

    [Fact]
    public void Review_ReportsEpitomeMechanisms()
    {
        var warm = Review(GoodReply + " Could you tell me what the damage looks like?");
        var cold = Review("Return it via the portal.");

        Assert.Equal(MechanismLevel.Strong, warm.Mechanisms.EmotionalReactions);
        Assert.NotEqual(MechanismLevel.None, warm.Mechanisms.Interpretations);
        Assert.NotEqual(MechanismLevel.None, warm.Mechanisms.Explorations);
        Assert.Equal(MechanismLevel.None, cold.Mechanisms.EmotionalReactions);
    }

    [Fact]
    public void Review_EmptyReply_ScoresZero()
    {
        Assert.Equal(0, Review("").Score);
    }

    [Fact]
    public void Review_UsesEveryCustomerMessage()
    {
        var context = new ReviewContext(["Hi, my order #4417 has not arrived.", "This is the third time I'm asking!"], "Dana");

        var review = EmpathyCoach.Default.Review("Hi Dana, I'll check #4417 now.", context);

        Assert.Contains(Rapport.Core.Emotions.SupportEmotion.Impatience, review.CustomerReading.Labels);
        Assert.Equal(FindingStatus.Met, review[Practice.ReflectsDetails].Status);
    }
}
