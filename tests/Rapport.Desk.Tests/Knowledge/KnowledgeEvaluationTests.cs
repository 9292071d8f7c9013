using System.Globalization;
using Rapport.Desk.Demo;
using Xunit.Abstractions;

namespace Rapport.Desk.Tests.Knowledge;

/// <summary>
/// The labelled questions against the demo knowledge base (docs/knowledge-base.md, *Evaluation*). Issue 8's target is
/// 80 % top-1. The tuning set (questions.tsv) is the one the ranking was tuned on and lists its misses; the held-out
/// set (heldout.tsv) was written before the later ranking changes and is never tuned on, so its test prints the figure
/// only. Each floor sits a few questions under the last measured figure (tuning 92.5 %, held-out 83.1 %), so that a
/// regression fails: the held-out floor is issue 8's 80 %.
/// </summary>
public sealed class KnowledgeEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Tuning_questions_find_the_right_article_first_in_at_least_88_percent() =>
        Evaluate("questions.tsv", minimumQuestions: 150, floor: 0.88, listMisses: true);

    [Fact]
    public void Held_out_questions_find_the_right_article_first_in_at_least_80_percent() =>
        Evaluate("heldout.tsv", minimumQuestions: 120, floor: 0.80, listMisses: false);

    private void Evaluate(string file, int minimumQuestions, double floor, bool listMisses)
    {
        using var index = DemoKnowledgeIndex.Create();
        var questions = DemoKnowledgeIndex.Questions(file);
        Assert.True(questions.Count >= minimumQuestions, $"{questions.Count} questions");
        var slugs = DemoKnowledge.Articles.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(slugs.Count, questions.Select(q => q.Slug).Distinct(StringComparer.Ordinal).Count());
        int top1 = 0, top3 = 0;
        foreach (var (slug, question) in questions)
        {
            Assert.Contains(slug, slugs);
            var hits = index.Search(question, 3);
            if (hits.Count > 0 && hits[0].Slug == slug)
            {
                top1++;
            }
            else if (listMisses)
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
            $"{file}: top-1 {top1}/{questions.Count} = {accuracy:P1}; top-3 {top3}/{questions.Count} = {(double)top3 / questions.Count:P1}; {slugs.Count} articles"));
        Assert.True(accuracy >= floor, string.Create(CultureInfo.InvariantCulture, $"{file}: top-1 accuracy {accuracy:P1} is under {floor:P0}"));
    }
}
