using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Rapport.Core.Assistant;
using Rapport.Core.Emotions;
using Rapport.Desk.Demo;
using Rapport.Desk.Knowledge;

namespace Rapport.Benchmarks;

/// <summary>
/// Knowledge retrieval with passage selection, and a whole assistant turn (reading + retrieval + composed reply;
/// issue 8: retrieve + compose p95 &lt; 30 ms with 5,000 articles): the demo knowledge base plus synthetic articles generated here (seeded, built
/// from the demo articles' own sentences and questions so the vocabulary and lengths are realistic), searched with customer messages.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(P95Config))]
public class KnowledgeSearchBenchmarks
{
    private KnowledgeIndex _index = null!;

    [Params(5_000)]
    public int Articles { get; set; }

    [Params("short", "emotional", "typo")]
    public string Question { get; set; } = "";

    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        var watch = Stopwatch.StartNew();
        _index = Build(Articles);
        Console.WriteLine($"// built the index of {Articles:N0} articles ({_index.ArticleCount:N0}) in {watch.ElapsedMilliseconds:N0} ms");
        _text = Question switch
        {
            "short" => "how do I cancel my membership",
            "emotional" => "I've been charged TWICE for the same order and nobody answers!! I want my money back today or I'm going to my bank. This is the third time I write.",
            _ => "my pasword reset emial never arives",
        };
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    [Benchmark]
    public int Search() => _index.Search(_text, 5).Count;

    /// <summary>A whole assistant turn: read the message, retrieve, compose the reply (and decide on a hand-off).</summary>
    [Benchmark]
    public int AssistantTurn()
    {
        var reading = EmotionAnalyzer.Default.Analyze(_text);
        var hits = _index.Search(_text, 1);
        var passage = hits is [var hit] ? new AssistantPassage(hit.Slug, hit.Title, hit.Passage, hit.Confidence) : null;
        return AssistantComposer.Default.Reply(new AssistantTurn([_text], reading, "Maria Lopez", passage, Seed: 1)).Text.Length;
    }

    /// <summary>The demo articles, then synthetic ones whose sections are demo paragraphs recombined.</summary>
    internal static KnowledgeIndex Build(int total)
    {
        var index = new KnowledgeIndex();
        var demo = DemoKnowledge.Articles;
        var paragraphs = demo.SelectMany(a => a.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)).Where(p => !p.StartsWith('#')).ToArray();
        var headings = demo.SelectMany(a => a.Body.Split('\n')).Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..]).ToArray();
        var titleWords = demo.SelectMany(a => a.Title.Split(' ')).ToArray();
        var tags = demo.SelectMany(a => a.Tags).Distinct().ToArray();
        var questions = demo.SelectMany(a => a.Questions).ToArray();
        var random = new Random(42);
        var now = DateTimeOffset.UnixEpoch;
        for (var id = 1; id <= total; id++)
        {
            KnowledgeArticle article;
            if (id <= demo.Count)
            {
                var d = demo[id - 1];
                article = new KnowledgeArticle { Id = id, Slug = d.Slug, Title = d.Title, Body = d.Body, Tags = [.. d.Tags], Questions = [.. d.Questions], Language = d.Language, UpdatedAt = now };
            }
            else
            {
                var sections = random.Next(2, 6);
                var body = new System.Text.StringBuilder();
                for (var s = 0; s < sections; s++)
                {
                    if (s > 0)
                    {
                        body.Append("## ").Append(headings[random.Next(headings.Length)]).Append("\n\n");
                    }

                    for (var p = random.Next(1, 4); p > 0; p--)
                    {
                        body.Append(paragraphs[random.Next(paragraphs.Length)]).Append("\n\n");
                    }
                }

                var title = string.Join(' ', Enumerable.Range(0, random.Next(3, 7)).Select(_ => titleWords[random.Next(titleWords.Length)]));
                article = new KnowledgeArticle
                {
                    Id = id, Slug = $"synthetic-{id}", Title = title, Body = body.ToString().TrimEnd(), Language = "en", UpdatedAt = now,
                    Tags = [tags[random.Next(tags.Length)], tags[random.Next(tags.Length)]],
                    Questions = [questions[random.Next(questions.Length)], questions[random.Next(questions.Length)]],
                };
            }

            index.Upsert(article);
        }

        index.Refresh();
        return index;
    }
}
