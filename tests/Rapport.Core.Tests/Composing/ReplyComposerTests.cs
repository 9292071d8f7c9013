using Rapport.Core.Coaching;
using Rapport.Core.Composing;

namespace Rapport.Core.Tests.Composing;

public sealed class ReplyComposerTests
{
    public static TheoryData<string, string> Conversations => new()
    {
        { "My order arrived damaged and I need it for Saturday", "Return it via the portal." },
        { "This is the third time I'm writing and still nothing works", "Clear the app cache under Settings > Storage." },
        { "I've been charged twice for my subscription this month!!", "The duplicate charge of $12.99 will be refunded to your card within 5 business days." },
        { "I'm worried someone hacked my account, I got a login alert from Brazil", "Reset your password at example.com/reset and turn on two-factor authentication." },
        { "I'm confused, I don't understand how to export my invoices", "Invoices are under Billing > History; the Export button is at the top right." },
        { "I've been waiting for two weeks and no one is responding", "Your ticket is now with our billing team." },
        { "Thank you so much, the new headphones work perfectly!", "Enjoy them." },
        { "Fix this or I will cancel my account and switch to Acme", "The outage is fixed as of 10:40 this morning." },
        { "Can you tell me my order status?", "Order 88412 shipped yesterday with DHL." },
        { "WHY IS THE APP STILL CRASHING", "Update to version 4.2.1, which fixes the crash on startup." },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public void Compose_ScoresAtLeast85_AndKeepsTheAnswerVerbatim(string customer, string answer)
    {
        for (var seed = 0; seed < 5; seed++)
        {
            var composed = ReplyComposer.Default.Compose(new ReviewContext([customer], "Maria Lopez", "Sam"), new ComposeRequest(answer, Seed: seed));

            Assert.Contains(answer, composed.Text, StringComparison.Ordinal);
            Assert.True(composed.Review.Score >= 85, $"seed {seed}: score {composed.Review.Score}\n{composed.Text}\n"
                + string.Join('\n', composed.Review.Findings.Where(f => f.Status == FindingStatus.Missed).Select(f => f.Practice + ": " + f.Suggestion)));
            Assert.Equal(composed.Review.Score, EmpathyCoach.Default.Review(composed.Text, new ReviewContext([customer], "Maria Lopez", "Sam")).Score);
        }
    }

    [Theory]
    [MemberData(nameof(Conversations))]
    public void Compose_WithoutNames_StillScoresAtLeast85(string customer, string answer)
    {
        var composed = ReplyComposer.Default.Compose(ReviewContext.Of(customer), new ComposeRequest(answer, Seed: 7));

        Assert.True(composed.Review.Score >= 85, $"score {composed.Review.Score}\n{composed.Text}");
    }

    [Fact]
    public void Compose_PersonalisesWithNameAndReflectedDetail()
    {
        var composed = ReplyComposer.Default.Compose(new ReviewContext(["My order arrived damaged and I need it for Saturday"], "maria", "Sam"), new ComposeRequest("Return it via the portal."));

        Assert.StartsWith("Hi Maria,", composed.Text.Replace("Hello", "Hi", StringComparison.Ordinal).Replace("Dear", "Hi", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("your order arrived damaged", composed.Text, StringComparison.Ordinal);
        Assert.Contains("you need it for Saturday", composed.Text, StringComparison.Ordinal);
        Assert.EndsWith("Sam", composed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SameSeed_SameReply_DifferentSeeds_VariedPhrasing()
    {
        var context = ReviewContext.Of("This is the third time I'm writing and still nothing works");
        var texts = Enumerable.Range(0, 8).Select(seed => ReplyComposer.Default.Compose(context, new ComposeRequest("Clear the app cache.", Seed: seed)).Text).ToList();

        Assert.Equal(texts[3], ReplyComposer.Default.Compose(context, new ComposeRequest("Clear the app cache.", Seed: 3)).Text);
        Assert.True(texts.Distinct().Count() >= 4, $"only {texts.Distinct().Count()} distinct replies");
    }

    [Fact]
    public void Compose_NoSentenceRepeats_WithinAReplyOrAcrossTheConversation()
    {
        var context = new ReviewContext(["I've been waiting for two weeks and no one is responding", "Still nothing, this is the third time!!"], "Dana");
        var first = ReplyComposer.Default.Compose(context, new ComposeRequest("Your ticket is now with our billing team.", Seed: 1)).Text;
        var second = ReplyComposer.Default.Compose(context, new ComposeRequest("The refund was approved today.", Seed: 1, PreviousReplies: [first])).Text;

        var firstSentences = Sentences(first);
        var secondSentences = Sentences(second);
        Assert.Equal(firstSentences.Count, firstSentences.Distinct().Count());
        Assert.Equal(secondSentences.Count, secondSentences.Distinct().Count());
        Assert.DoesNotContain(firstSentences.Intersect(secondSentences), s => s.Length > 12);
    }

    [Fact]
    public void Compose_KeepsAlternativesAndFollowUpVerbatim()
    {
        var composed = ReplyComposer.Default.Compose(
            ReviewContext.Of("I want a refund, the blender broke after 40 days"),
            new ComposeRequest("Unfortunately the refund window closed after 30 days.", ["I can send you a free replacement blender."], "by Friday"));

        Assert.Contains("Unfortunately the refund window closed after 30 days.", composed.Text, StringComparison.Ordinal);
        Assert.Contains("I can send you a free replacement blender.", composed.Text, StringComparison.Ordinal);
        Assert.Contains("by Friday", composed.Text, StringComparison.Ordinal);
        Assert.Equal(FindingStatus.Met, composed.Review[Practice.OffersAlternatives].Status);
        Assert.True(composed.Review.Score >= 85, $"score {composed.Review.Score}\n{composed.Text}");
    }

    [Fact]
    public void Compose_DeclineWithoutAlternatives_OffersToLookForOptions()
    {
        var composed = ReplyComposer.Default.Compose(ReviewContext.Of("Can I get a refund after 40 days?"), new ComposeRequest("We can't refund orders after 30 days."));

        Assert.Equal(FindingStatus.Met, composed.Review[Practice.OffersAlternatives].Status);
    }

    [Fact]
    public void Compose_UnclearProblem_AsksAClarifyingQuestion()
    {
        var composed = ReplyComposer.Default.Compose(ReviewContext.Of("I'm confused, it doesn't work"), new ComposeRequest("Try restarting the router."));

        Assert.Contains('?', composed.Text);
        Assert.Equal(FindingStatus.Met, composed.Review[Practice.AsksClarifyingQuestion].Status);
    }

    private static List<string> Sentences(string text) =>
        [.. text.Split(['.', '!', '?', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
