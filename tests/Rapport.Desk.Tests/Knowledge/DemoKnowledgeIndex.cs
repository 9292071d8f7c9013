using Rapport.Desk.Demo;
using Rapport.Desk.Knowledge;

namespace Rapport.Desk.Tests.Knowledge;

/// <summary>The demo knowledge base in a fresh index, ids 1..n in slug order, and the labelled questions.</summary>
internal static class DemoKnowledgeIndex
{
    public static KnowledgeIndex Create()
    {
        var index = new KnowledgeIndex();
        var id = 0;
        foreach (var document in DemoKnowledge.Articles)
        {
            index.Upsert(new KnowledgeArticle
            {
                Id = ++id, Slug = document.Slug, Title = document.Title, Body = document.Body, Tags = [.. document.Tags], Questions = [.. document.Questions], Language = document.Language,
                UpdatedAt = DateTimeOffset.UnixEpoch,
            });
        }

        index.Refresh();
        return index;
    }

    /// <summary>eval/knowledge/questions.tsv (the tuning set) or heldout.tsv: (expected slug, question), comments and
    /// the header skipped.</summary>
    public static IReadOnlyList<(string Slug, string Question)> Questions(string file = "questions.tsv") =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Knowledge", file))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("slug\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1]))];
}
