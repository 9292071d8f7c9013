using Rapport.Core.Coaching;
using Rapport.Core.Emotions;

namespace Rapport.Core.Tests.Coaching;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("following up on the billing error", true)]
    [InlineData("waiting for the refund", true)]
    [InlineData("nothing works", false)]
    [InlineData("the order arrived damaged", false)]
    [InlineData("during the outage the app crashed", false)]
    [InlineData("", false)]
    public void IsGerundPhrase_TellsActivitiesFromClauses(string detail, bool expected) =>
        Assert.Equal(expected, Suggestions.IsGerundPhrase(detail));

    [Fact]
    public void Acknowledgement_GerundDetail_ReadsAsEnglish()
    {
        Assert.Equal(
            "I can see how frustrating following up on the billing error has been.",
            Suggestions.Acknowledgement(SupportEmotion.Frustration, "following up on the billing error"));
        Assert.Equal("I'm sorry about waiting for the refund.", Suggestions.Apology("waiting for the refund"));
    }

    [Fact]
    public void Acknowledgement_ClauseDetail_KeepsThatForm() =>
        Assert.Equal(
            "I can see how frustrating it is that the order arrived damaged.",
            Suggestions.Acknowledgement(SupportEmotion.Frustration, "the order arrived damaged"));

    [Fact]
    public void Review_FollowUpMessage_SuggestsAGrammaticalAcknowledgement()
    {
        var review = EmpathyCoach.Default.Review(
            "Return it via the portal.",
            ReviewContext.Of("Following up on the billing error. Still no answer and finance closes tomorrow. This is unacceptable for a business customer."));

        var suggestions = string.Join(" | ", review.Findings.Select(f => f.Suggestion));
        Assert.DoesNotContain("it is that following", suggestions, StringComparison.Ordinal);
    }
}
