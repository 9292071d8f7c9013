using Rapport.Desk.Knowledge;

namespace Rapport.Server.Api.Contracts;

/// <summary>Body of an article's create or update: <c>title</c> and <c>body</c> required; <c>slug</c> made from the title
/// when absent; <c>tags</c> optional; <c>language</c> <c>en</c> when absent; <c>questions</c> (the phrasings the article
/// answers, searched like the title) optional.</summary>
internal sealed record KnowledgeArticleRequest(
    string? Slug, string? Title, string? Body, IReadOnlyList<string?>? Tags, string? Language, IReadOnlyList<string?>? Questions = null);

/// <summary>An article in a list (without its body).</summary>
internal sealed record KnowledgeSummaryResponse(long Id, string Slug, string Title, IReadOnlyList<string> Tags, string Language, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static KnowledgeSummaryResponse From(KnowledgeArticle a) => new(a.Id, a.Slug, a.Title, a.Tags, a.Language, a.CreatedAt, a.UpdatedAt);
}

/// <summary>An article with its Markdown body and the questions it answers.</summary>
internal sealed record KnowledgeArticleResponse(
    long Id, string Slug, string Title, string Body, IReadOnlyList<string> Tags, string Language, IReadOnlyList<string> Questions, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static KnowledgeArticleResponse From(KnowledgeArticle a) => new(a.Id, a.Slug, a.Title, a.Body, a.Tags, a.Language, a.Questions, a.CreatedAt, a.UpdatedAt);
}

/// <summary>What an upsert by slug did (<c>created</c>, <c>updated</c>, <c>unchanged</c>) and the article.</summary>
internal sealed record KnowledgeUpsertResponse(string Outcome, KnowledgeArticleResponse Article);

/// <summary>The ranked answer to a search.</summary>
internal sealed record KnowledgeSearchResponse(string Query, IReadOnlyList<KnowledgeSearchResult> Results);

/// <summary>One found article with the passage that answers; <c>score</c> is BM25 (comparable within one search),
/// <c>confidence</c> the share of the question's terms the passage and the article's title and tags contain.</summary>
internal sealed record KnowledgeSearchResult(KnowledgeArticleRef Article, double Score, double Confidence, KnowledgePassageResponse Passage)
{
    public static KnowledgeSearchResult From(KnowledgeHit h) =>
        new(new KnowledgeArticleRef(h.ArticleId, h.Slug, h.Title, h.Tags, h.Language), Math.Round(h.Score, 4), h.Confidence,
            new KnowledgePassageResponse(h.Heading, h.Passage, h.PassageStart, h.PassageLength));
}

/// <summary>The article a search result is in.</summary>
internal sealed record KnowledgeArticleRef(long Id, string Slug, string Title, IReadOnlyList<string> Tags, string Language);

/// <summary>The passage that answers: its heading, its Markdown, and where it is in the article's body (characters).</summary>
internal sealed record KnowledgePassageResponse(string? Heading, string Text, int Start, int Length);
