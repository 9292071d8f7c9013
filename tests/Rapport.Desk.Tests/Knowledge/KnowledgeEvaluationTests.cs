using System.Globalization;
using Rapport.Desk.Demo;
using Xunit.Abstractions;

namespace Rapport.Desk.Tests.Knowledge;

/// <summary>The labelled questions against the demo knowledge base. Issue 8's target is 80 % top-1; this guards the
/// figure measured when the ranking was frozen (75.8 %, docs/knowledge-base.md) against regressions.</summary>
public sealed class KnowledgeEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Labelled_questions_find_the_right_article_first_in_at_least_75_percent()
    {
        using var index = DemoKnowledgeIndex.Create();
        var questions = DemoKnowledgeIndex.Questions();
        Assert.True(questions.Count >= 120, $"{questions.Count} questions");
        var slugs = DemoKnowledge.Articles.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        int top1 = 0, top3 = 0;
        foreach (var (slug, question) in questions)
        {
            Assert.Contains(slug, slugs);
            var hits = index.Search(question, 3);
            if (hits.Count > 0 && hits[0].Slug == slug)
            {
                top1++;
            }
            else
            {
                output.WriteLine($"miss: {slug} <- \"{question}\" got {string.Join(", ", hits.Select(h => $"{h.Slug} {h.Score:F2}"))}");
            }

            if (hits.Any(h => h.Slug == slug))
            {
                top3++;
            }
        }

        var accuracy = (double)top1 / questions.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"top-1 {top1}/{questions.Count} = {accuracy:P1}; top-3 {top3}/{questions.Count} = {(double)top3 / questions.Count:P1}; {slugs.Count} articles"));
        Assert.True(accuracy >= 0.75, $"top-1 accuracy {accuracy:P1} is under 75 %");
    }
}
