using Rapport.Core.Knowledge;

namespace Rapport.Desk.Demo;

/// <summary>
/// The demo knowledge base: short help articles for the demo shop (orders, delivery, returns and refunds, billing,
/// membership, account security, the app, accessibility), written for Rapport and embedded from
/// <c>Demo/Knowledge/*.md</c> (docs/knowledge-base.md). The labelled questions in <c>eval/knowledge/questions.tsv</c>
/// are asked against it.
/// </summary>
public static class DemoKnowledge
{
    private const string Prefix = "Rapport.Desk.Demo.Knowledge.";

    private static readonly Lazy<IReadOnlyList<KnowledgeDocument>> Loaded = new(Load);

    /// <summary>The articles, by slug.</summary>
    public static IReadOnlyList<KnowledgeDocument> Articles => Loaded.Value;

    private static List<KnowledgeDocument> Load()
    {
        var assembly = typeof(DemoKnowledge).Assembly;
        var articles = new List<KnowledgeDocument>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            articles.Add(KnowledgeMarkdown.Parse(reader.ReadToEnd(), name[Prefix.Length..]));
        }

        return articles;
    }
}
