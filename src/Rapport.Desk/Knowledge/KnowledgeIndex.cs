using System.Collections.Concurrent;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
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
/// The in-memory Lucene.NET index of knowledge-base passages (docs/decisions/0012-knowledge-search.md): one document
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

    /// <summary>At most this many distinct query terms are used (a long message is mostly context).</summary>
    public const int MaxQueryTerms = 40;

    private static readonly Similarity Bm25 = new BM25Similarity();

    private readonly Analyzer _analyzer = new EnglishAnalyzer(Version);
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly ConcurrentDictionary<long, IndexedArticle> _articles = new();

    public KnowledgeIndex()
    {
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
            ]);
        }

        _writer.UpdateDocuments(new Term(IdField, id), documents);
        _articles[article.Id] = new IndexedArticle(article.Id, article.Slug, article.Title, [.. article.Tags], article.Language, article.UpdatedAt, article.Body, passages);
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
    /// term counts (none is required), in the title and tags (×2), a passage's heading (×1.5) and text; terms of five
    /// letters or more also match one edit away (typos) at a low weight.
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

        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in terms)
        {
            query.Add(Boosted(new TermQuery(new Term(TitleField, term)), 2f), Occur.SHOULD);
            query.Add(Boosted(new TermQuery(new Term(TagsField, term)), 2f), Occur.SHOULD);
            query.Add(Boosted(new TermQuery(new Term(HeadingField, term)), 1.5f), Occur.SHOULD);
            query.Add(new TermQuery(new Term(TextField, term)), Occur.SHOULD);
            if (term.Length >= 5)
            {
                query.Add(Boosted(new FuzzyQuery(new Term(TextField, term), maxEdits: 1, prefixLength: 1, maxExpansions: 10, transpositions: true), 0.3f), Occur.SHOULD);
                query.Add(Boosted(new FuzzyQuery(new Term(TitleField, term), maxEdits: 1, prefixLength: 1, maxExpansions: 10, transpositions: true), 0.6f), Occur.SHOULD);
            }
        }

        var searcher = _searchers.Acquire();
        try
        {
            // Passages are grouped by article: fetch enough for `limit` distinct articles in nearly every case.
            var top = searcher.Search(query, Math.Max(50, limit * 10));
            var hits = new List<KnowledgeHit>(limit);
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
                hits.Add(new KnowledgeHit(
                    article.Id, article.Slug, article.Title, article.Tags, article.Language, scored.Score,
                    Coverage(terms, article, passage), passage.Heading, article.Body[passage.Range], offset, length));
                if (hits.Count == limit)
                {
                    break;
                }
            }

            return hits;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    /// <summary>The distinct analysed terms of <paramref name="text"/> (stop words removed, stemmed), in order.</summary>
    internal List<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream(TextField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && terms.Count < MaxQueryTerms)
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

    /// <summary>The share of the question's terms found in the article's title and tags or the passage: how much of the
    /// question the passage speaks to (0–1), a score comparable across questions, unlike BM25's.</summary>
    private double Coverage(List<string> terms, IndexedArticle article, KnowledgePassage passage)
    {
        var found = new HashSet<string>(Terms(article.Title + " " + string.Join(' ', article.Tags) + " " + passage.Heading + " " + article.Body[passage.Range]), StringComparer.Ordinal);
        var matched = 0;
        foreach (var term in terms)
        {
            if (found.Contains(term))
            {
                matched++;
            }
        }

        return Math.Round((double)matched / terms.Count, 4);
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
        long Id, string Slug, string Title, IReadOnlyList<string> Tags, string Language, DateTimeOffset UpdatedAt, string Body, IReadOnlyList<KnowledgePassage> Passages);
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
