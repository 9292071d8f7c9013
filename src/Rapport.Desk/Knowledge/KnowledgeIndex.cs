using System.Collections.Concurrent;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Rapport.Core.Knowledge;

namespace Rapport.Desk.Knowledge;

/// <summary>
/// The in-memory Lucene.NET index of knowledge-base passages (docs/decisions/0014-knowledge-search.md): one document
/// per passage with the article's title and tags, English analysis (stop words, possessives, Porter stems), BM25.
/// An article ranks by its best passage. Thread-safe: searches run beside updates (near-real-time searcher).
/// <see cref="KnowledgeSync"/> keeps it equal to the table.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string IdField = "id";
    private const string PassageField = "passage";
    private const string TitleField = "title";
    private const string HeadingField = "heading";
    private const string TextField = "text";
    private const string TagsField = "tags";
    private const string ArticleField = "article";
    private const string QuestionsField = "questions";

    /// <summary>At most this many distinct query terms are used (a long message is mostly context).</summary>
    public const int MaxQueryTerms = 40;

    private static readonly Similarity Bm25 = new BM25Similarity();

    /// <summary>Lucene's English stop words plus the pronouns, auxiliaries and fillers customers write around a question
    /// ("I", "my", "how do I", "can you", "still", "please"): otherwise they match first-person titles in every search.</summary>
    private static readonly string[] ExtraStopWords =
    [
        "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself", "you", "your", "yours", "you're", "we", "our", "us", "he", "she", "his", "her",
        "its", "it's", "them", "what", "what's", "which", "who", "whom", "when", "where", "why", "how", "do", "does", "did", "doing", "done", "have", "has",
        "had", "having", "am", "been", "being", "were", "can", "can't", "could", "would", "should", "shall", "may", "might", "must", "don't", "doesn't",
        "didn't", "won't", "isn't", "wasn't", "aren't", "haven't", "hasn't", "just", "still", "now", "please", "hi", "hello", "thanks", "thank", "so",
        "very", "really", "too", "also", "any", "some", "all", "about", "from", "up", "out", "off", "over", "again", "only", "own", "same", "than",
        "here", "there's", "that's", "like", "get", "got", "want", "need", "know", "let", "make", "im", "ive", "dont", "cant", "hasnt", "hadnt",
    ];

    private readonly Analyzer _analyzer = new EnglishAnalyzer(Version, StopWords());
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly ConcurrentDictionary<long, IndexedArticle> _articles = new();
    private readonly Dictionary<string, string[]> _synonyms;

    public KnowledgeIndex()
    {
        _synonyms = LoadSynonyms();
        _writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { Similarity = Bm25, OpenMode = OpenMode.CREATE });
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
    }

    /// <summary>Articles in the index.</summary>
    public int ArticleCount => _articles.Count;

    /// <summary>The indexed version (UpdatedAt) of each article, for the sync's diff.</summary>
    internal IEnumerable<KeyValuePair<long, DateTimeOffset>> Versions => _articles.Select(a => KeyValuePair.Create(a.Key, a.Value.UpdatedAt));

    /// <summary>Adds or replaces an article; visible to searches after <see cref="Refresh"/>.</summary>
    public void Upsert(KnowledgeArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var passages = KnowledgePassages.Split(article.Body);
        var id = article.Id.ToString(CultureInfo.InvariantCulture);
        var tags = string.Join(' ', article.Tags);
        var questions = string.Join('\n', article.Questions);
        var documents = new List<Document>(Math.Max(1, passages.Count));
        for (var i = 0; i < passages.Count; i++)
        {
            documents.Add(
            [
                new StringField(IdField, id, Field.Store.YES),
                new StoredField(PassageField, i),
                new TextField(TitleField, article.Title, Field.Store.NO),
                new TextField(HeadingField, passages[i].Heading ?? "", Field.Store.NO),
                new TextField(TextField, article.Body[passages[i].Range], Field.Store.NO),
                new TextField(TagsField, tags, Field.Store.NO),
                new TextField(ArticleField, article.Body, Field.Store.NO),
                new TextField(QuestionsField, questions, Field.Store.NO),
            ]);
        }

        _writer.UpdateDocuments(new Term(IdField, id), documents);
        _articles[article.Id] = new IndexedArticle(
            article.Id, article.Slug, article.Title, [.. article.Tags], article.Language, article.UpdatedAt, article.Body, passages, AllTerms(questions),
            [.. passages.Select(p => AllTerms(article.Title + " " + tags + " " + p.Heading + " " + article.Body[p.Range]))]);
    }

    /// <summary>Removes an article; visible to searches after <see cref="Refresh"/>.</summary>
    public void Remove(long articleId)
    {
        _writer.DeleteDocuments(new Term(IdField, articleId.ToString(CultureInfo.InvariantCulture)));
        _articles.TryRemove(articleId, out _);
    }

    /// <summary>Makes the changes so far visible to searches.</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    /// <summary>
    /// The articles that best answer <paramref name="question"/>, best first, each with its best passage. Every query
    /// term counts (none is required): in the title and tags (×2), the passage's heading (×1.5) and text, the rest of
    /// the article (×0.3), and through the thesaurus (×0.5); a word no article contains (a typo) matches words one edit
    /// away. The best 20 articles are re-ranked by BM25 × (0.5 + the share of the question the passage covers).
    /// </summary>
    public IReadOnlyList<KnowledgeHit> Search(string question, int limit)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var terms = Terms(question);
        if (terms.Count == 0 || _articles.IsEmpty)
        {
            return [];
        }

        var searcher = _searchers.Acquire();
        try
        {
            var query = BuildQuery(terms, searcher.IndexReader, _synonyms);

            // Passages are grouped by article (its best passage), then the best few are re-ranked by coverage.
            var top = searcher.Search(query, Math.Max(100, limit * 10));
            var candidates = new List<KnowledgeHit>();
            var seen = new HashSet<long>();
            foreach (var scored in top.ScoreDocs)
            {
                var document = searcher.Doc(scored.Doc);
                var id = long.Parse(document.Get(IdField), CultureInfo.InvariantCulture);
                if (!seen.Add(id) || !_articles.TryGetValue(id, out var article))
                {
                    continue;
                }

                var index = document.GetField(PassageField).GetInt32Value() ?? 0;
                if (index >= article.Passages.Count)
                {
                    continue;
                }

                var passage = article.Passages[index];
                var (offset, length) = passage.Range.GetOffsetAndLength(article.Body.Length);
                var coverage = Coverage(terms, article, index);
                candidates.Add(new KnowledgeHit(
                    article.Id, article.Slug, article.Title, article.Tags, article.Language, scored.Score * (Ranking.CoverageBase + coverage), coverage,
                    passage.Heading, article.Body[passage.Range], offset, length));
                if (candidates.Count == Math.Max(limit, Ranking.Rerank))
                {
                    break;
                }
            }

            return [.. candidates.OrderByDescending(h => h.Score).Take(limit)];
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>The ranking's weights (docs/decisions/0014-knowledge-search.md), chosen on the labelled questions.</summary>
    internal static RankingParameters Ranking { get; } = new();

    /// <param name="Title">Weight of a term in the article's title.</param>
    /// <param name="Tags">Weight of a term in the article's tags.</param>
    /// <param name="Heading">Weight of a term in the passage's heading.</param>
    /// <param name="CoverageBase">Final score = BM25 × (CoverageBase + coverage): passages that speak to more of the question win.</param>
    /// <param name="Rerank">How many articles are re-ranked by coverage.</param>
    /// <param name="Article">Weight of a term anywhere in the article (the passage's context).</param>
    /// <param name="Synonym">Weight of a thesaurus word relative to the customer's own word.</param>
    /// <param name="Questions">Weight of a term in the questions the article's author says it answers.</param>
    /// <param name="Phrase">Weight of two adjacent question words found next to each other (in the text, title or questions).</param>
    internal sealed record RankingParameters(
        float Title = 3f, float Tags = 2f, float Heading = 1.5f, double CoverageBase = 0.5, int Rerank = 20, float Article = 0.3f, float Synonym = 0.5f, float Questions = 2f, float Phrase = 1f);

    private static BooleanQuery BuildQuery(List<string> terms, IndexReader reader, Dictionary<string, string[]> synonyms)
    {
        var r = Ranking;
        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in terms)
        {
            var known = reader.DocFreq(new Term(TextField, term)) + reader.DocFreq(new Term(TitleField, term)) + reader.DocFreq(new Term(TagsField, term))
                + reader.DocFreq(new Term(QuestionsField, term)) > 0;
            var fields = new List<Query>
            {
                Boosted(new TermQuery(new Term(TitleField, term)), r.Title),
                Boosted(new TermQuery(new Term(TagsField, term)), r.Tags),
                Boosted(new TermQuery(new Term(HeadingField, term)), r.Heading),
                new TermQuery(new Term(TextField, term)),
            };
            if (r.Questions > 0)
            {
                fields.Add(Boosted(new TermQuery(new Term(QuestionsField, term)), r.Questions));
            }
            if (r.Article > 0)
            {
                fields.Add(Boosted(new TermQuery(new Term(ArticleField, term)), r.Article));
            }

            if (r.Synonym > 0 && synonyms.TryGetValue(term, out var others))
            {
                foreach (var other in others)
                {
                    fields.Add(Boosted(new TermQuery(new Term(TitleField, other)), r.Title * r.Synonym));
                    fields.Add(Boosted(new TermQuery(new Term(TagsField, other)), r.Tags * r.Synonym));
                    fields.Add(Boosted(new TermQuery(new Term(TextField, other)), r.Synonym));
                }
            }

            // A word no article uses is probably misspelt: it matches words one edit away instead.
            if (term.Length >= 4 && !known)
            {
                fields.Add(Boosted(new FuzzyQuery(new Term(TextField, term), maxEdits: 1, prefixLength: 1, maxExpansions: 10, transpositions: true), 0.5f));
                fields.Add(Boosted(new FuzzyQuery(new Term(TitleField, term), maxEdits: 1, prefixLength: 1, maxExpansions: 10, transpositions: true), r.Title * 0.5f));
            }

            foreach (var field in fields)
            {
                query.Add(field, Occur.SHOULD);
            }
        }

        // Two of the question's words next to each other ("gift card", "next day", "phone number") in the article count extra.
        if (r.Phrase > 0)
        {
            for (var i = 1; i < terms.Count; i++)
            {
                foreach (var (field, boost) in new[] { (TextField, r.Phrase), (TitleField, r.Phrase * r.Title), (QuestionsField, r.Phrase * r.Questions) })
                {
                    var phrase = new PhraseQuery { Slop = 1 };
                    phrase.Add(new Term(field, terms[i - 1]));
                    phrase.Add(new Term(field, terms[i]));
                    query.Add(Boosted(phrase, boost), Occur.SHOULD);
                }
            }
        }

        return query;
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    /// <summary>The distinct analysed terms of <paramref name="text"/> (stop words removed, stemmed), in order.</summary>
    internal List<string> Terms(string text) => Terms(text, MaxQueryTerms);

    private List<string> Terms(string text, int max)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream(TextField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && terms.Count < max)
        {
            var value = term.ToString();
            if (!terms.Contains(value, StringComparer.Ordinal))
            {
                terms.Add(value);
            }
        }

        stream.End();
        return terms;
    }

    /// <summary>The share of the question's terms found in the article's title, tags and questions or the passage (all of
    /// its words, analysed once at indexing): how much of the question the passage speaks to (0–1), a score comparable
    /// across questions, unlike BM25's.</summary>
    private double Coverage(List<string> terms, IndexedArticle article, int index)
    {
        var found = article.PassageTerms[index];
        var matched = 0;
        foreach (var term in terms)
        {
            if (found.Contains(term) || article.QuestionTerms.Contains(term) || (_synonyms.TryGetValue(term, out var others) && others.Any(found.Contains)))
            {
                matched++;
            }
        }

        return Math.Round((double)matched / terms.Count, 4);
    }

    private HashSet<string> AllTerms(string text) => new(Terms(text, int.MaxValue), StringComparer.Ordinal);

    /// <summary>The embedded thesaurus (synonyms.txt), analysed like the text: each stem maps to the other stems of its groups.</summary>
    private Dictionary<string, string[]> LoadSynonyms()
    {
        using var stream = typeof(KnowledgeIndex).Assembly.GetManifestResourceStream("Rapport.Desk.Knowledge.synonyms.txt")
            ?? throw new InvalidOperationException("The knowledge thesaurus (Knowledge/synonyms.txt) is not embedded.");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var stems = line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(word => Terms(word)).Distinct(StringComparer.Ordinal).ToList();
            foreach (var stem in stems)
            {
                groups[stem] = groups.GetValueOrDefault(stem) + 1;
                if (!map.TryGetValue(stem, out var set))
                {
                    map[stem] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(stems.Where(s => s != stem));
            }
        }

        // A word in several groups ("back": a return, a restock; "code": a discount, a sign-in) is ambiguous: it stays itself.
        return map.Where(e => groups[e.Key] == 1).ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    private static CharArraySet StopWords()
    {
        var set = new CharArraySet(Version, EnglishAnalyzer.DefaultStopSet.Count + ExtraStopWords.Length, ignoreCase: true);
        set.UnionWith(EnglishAnalyzer.DefaultStopSet);
        set.UnionWith(ExtraStopWords);
        return set;
    }

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Bm25 };
    }

    private sealed record IndexedArticle(
        long Id, string Slug, string Title, IReadOnlyList<string> Tags, string Language, DateTimeOffset UpdatedAt, string Body, IReadOnlyList<KnowledgePassage> Passages,
        HashSet<string> QuestionTerms, IReadOnlyList<HashSet<string>> PassageTerms);
}

/// <summary>An article found by a search, with the passage that answers.</summary>
/// <param name="ArticleId">The article's id.</param>
/// <param name="Slug">The article's slug.</param>
/// <param name="Title">The article's title.</param>
/// <param name="Tags">The article's tags.</param>
/// <param name="Language">The article's language.</param>
/// <param name="Score">BM25 score of the passage (comparable within one search only).</param>
/// <param name="Confidence">The share of the question's terms that the article's title, tags and passage contain (0–1).</param>
/// <param name="Heading">The passage's heading, if any.</param>
/// <param name="Passage">The passage's Markdown, as in the body.</param>
/// <param name="PassageStart">Where the passage starts in the body (characters).</param>
/// <param name="PassageLength">The passage's length (characters).</param>
public sealed record KnowledgeHit(
    long ArticleId, string Slug, string Title, IReadOnlyList<string> Tags, string Language, double Score, double Confidence,
    string? Heading, string Passage, int PassageStart, int PassageLength);
