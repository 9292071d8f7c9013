using Rapport.Core.Assistant;
using Rapport.Core.Coaching;

namespace Rapport.Core.Tests.Assistant;

public sealed class GeneratedReplyGuardTests
{
    private const string Message = "I returned my jacket two weeks ago and I'm worried the refund got lost. When will I get it?";

    private static readonly ReviewContext Maria = new([Message], "Maria Lopez");

    private static readonly AssistantPassage[] Passages =
    [
        new("refund-timing", "When will I get my refund?", "After we issue it, the money usually appears within **3–5 working days** on cards, 1 day on PayPal.", 0.8),
        new("return-label", "How do I return an item?", "Print the prepaid return label from your order page and drop the parcel at any post office.", 0.6),
        new("refund-method", "Where does my refund go?", "Refunds go back to the card or account you paid with.", 0.55),
    ];

    private const string Opening = "Hi Maria, I completely understand how worrying it is to wait for a refund, and thank you for checking with us.";

    private const string Faithful = Opening + " Once we issue it, the money usually appears within 3 to 5 working days on cards and 1 day on PayPal [1]. " +
        "It goes back to the card or account you paid with [3].";

    private static GuardVerdict Check(string reply) => GeneratedReplyGuard.Default.Check(reply, Maria, Passages, AssistantComposer.OfferOfPerson);

    [Fact]
    public void Check_FaithfulWarmReply_IsAcceptedWithMarkersRemoved()
    {
        var verdict = Check(Faithful);

        Assert.True(verdict.Accepted, verdict.Reason);
        Assert.Null(verdict.Rejection);
        Assert.True(verdict.Score >= 70, $"score {verdict.Score}");
        Assert.Equal([1, 3], verdict.CitedPassages);
        Assert.DoesNotContain("[1]", verdict.Text, StringComparison.Ordinal);
        Assert.Contains("1 day on PayPal.", verdict.Text, StringComparison.Ordinal);
        Assert.EndsWith(AssistantComposer.OfferOfPerson, verdict.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MarkerAfterTheFullStop_CountsForTheSentenceBefore()
    {
        var verdict = Check(Faithful.Replace("PayPal [1].", "PayPal. [1]", StringComparison.Ordinal));

        Assert.True(verdict.Accepted, verdict.Reason);
        Assert.Contains("PayPal.", verdict.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_InventedNumber_IsRejectedAsUnsupportedFact()
    {
        var verdict = Check(Faithful.Replace("3 to 5 working days", "2 working days", StringComparison.Ordinal));

        Assert.False(verdict.Accepted);
        Assert.Equal(GuardRejection.UnsupportedFact, verdict.Rejection);
        Assert.Contains("duration 2:day", verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("You'll get a $10 voucher for the wait [1].", "money usd:10")]
    [InlineData("The money appears within 3 to 5 working days, or call us on +44 20 7946 0958 [1].", "phone 442079460958")]
    [InlineData("Check the status at https://example.com/refunds [1].", "url https://example.com/refunds")]
    [InlineData("The money usually appears within 3 to 5 working days, by March 12 [1].", "date mar:12")]
    [InlineData("The money usually appears within 3 to 5 weeks [1].", "duration 3:week")]
    [InlineData("90% of refunds appear within 3 to 5 working days [1].", "percent 90")]
    public void Check_FactNotInTheCitedPassage_IsRejectedNamingIt(string sentence, string fact)
    {
        var verdict = Check(Opening + " " + sentence);

        Assert.Equal(GuardRejection.UnsupportedFact, verdict.Rejection);
        Assert.Contains(fact, verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FactFromAnotherPassageThanTheOneCited_IsRejected()
    {
        // "1 day" is in passage 1, but the sentence cites passage 3.
        var verdict = Check(Opening + " It goes back to the card you paid with within 1 day [3].");

        Assert.Equal(GuardRejection.UnsupportedFact, verdict.Rejection);
    }

    [Fact]
    public void Check_UncitedFactualSentence_IsRejected()
    {
        var verdict = Check(Faithful + " We will also email you a prepaid courier collection slip for the parcel.");

        Assert.False(verdict.Accepted);
        Assert.Equal(GuardRejection.UncitedFact, verdict.Rejection);
        Assert.Contains("without citing", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UncitedNumber_IsRejectedEvenInAnEmpathySentence()
    {
        var verdict = Check("Hi Maria, I know two weeks feels long, and 14 days of waiting is worrying. " + Faithful[Opening.Length..]);

        Assert.Equal(GuardRejection.UncitedFact, verdict.Rejection);
    }

    [Fact]
    public void Check_CitedSentenceThatSaysMoreThanItsPassage_IsRejected()
    {
        var verdict = Check(Faithful + " Our warehouse inspects every returned jacket carefully before approving the payment [2].");

        Assert.Equal(GuardRejection.UnsupportedSentence, verdict.Rejection);
    }

    [Fact]
    public void Check_MarkerForAPassageNotGiven_IsRejected()
    {
        var verdict = Check(Faithful + " You can also drop the parcel at any post office [4].");

        Assert.False(verdict.Accepted);
        Assert.Equal(GuardRejection.UnknownCitation, verdict.Rejection);
        Assert.Contains("[4]", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("3 passage", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoCitations_IsRejected()
    {
        var verdict = Check(GeneratedReplyGuard.Clean(Faithful));

        Assert.Equal(GuardRejection.NoCitation, verdict.Rejection);
    }

    [Fact]
    public void Check_Empty_IsRejected()
    {
        Assert.Equal(GuardRejection.Empty, Check("  \n ").Rejection);
    }

    [Fact]
    public void Check_RoboticReply_IsRejectedForLowEmpathy()
    {
        var verdict = GeneratedReplyGuard.Default.Check("Refund timing: the money usually appears within 3–5 working days on cards, 1 day on PayPal [1].", Maria, Passages);

        Assert.False(verdict.Accepted);
        Assert.Equal(GuardRejection.LowEmpathy, verdict.Rejection);
        Assert.True(verdict.Score < 70, $"score {verdict.Score}");
        Assert.Contains("below 70", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ThresholdIsConfigurable()
    {
        var robotic = "Refund timing: the money usually appears within 3–5 working days on cards, 1 day on PayPal [1].";
        var lenient = new GeneratedReplyGuard(new GeneratedReplyGuardOptions(MinimumScore: 0));

        Assert.True(lenient.Check(robotic, Maria, Passages).Accepted);
    }

    [Fact]
    public void Clean_RemovesMarkersAndTheSpacesTheyLeave()
    {
        Assert.Equal("It arrives within 3 days. Then, [x] stays.", GeneratedReplyGuard.Clean("It arrives within 3 days [1][2]. Then [1, 3], [x] stays."));
    }

    [Theory]
    [InlineData("$25.00", "money:usd:25")]
    [InlineData("25 dollars", "money:usd:25")]
    [InlineData("€1,250", "money:eur:1250")]
    [InlineData("Call +1 (555) 010-2030", "phone:15550102030")]
    [InlineData("write to Help@Example.com", "email:help@example.com")]
    [InlineData("see www.example.com/help.", "url:www.example.com/help")]
    [InlineData("open 9am to 5:30 pm", "time:17:30")]
    [InlineData("open 9am to 5:30 pm", "time:09:00")]
    [InlineData("on 3rd of March", "date:mar:3")]
    [InlineData("on 2025-04-01", "date:2025-04-01")]
    [InlineData("20 percent off", "percent:20")]
    [InlineData("within 3–5 working days", "duration:5:day")]
    [InlineData("order 4521", "number:4521")]
    public void ReplyFacts_NormalisesEachKind(string text, string fact)
    {
        Assert.Contains(fact, ReplyFacts.Of(text).Typed);
    }

    [Fact]
    public void ReplyFacts_BareNumberIsSupportedByTheSameNumberInsideAnotherFact()
    {
        Assert.True(ReplyFacts.Of("within 3–5 working days").Supports("number:5"));
        Assert.False(ReplyFacts.Of("within 3–5 working days").Supports("number:4"));
    }
}
