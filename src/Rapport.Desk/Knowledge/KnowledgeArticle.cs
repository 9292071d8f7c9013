namespace Rapport.Desk.Knowledge;

/// <summary>A help article: Markdown body, searchable by passage (docs/knowledge-base.md).</summary>
public sealed class KnowledgeArticle
{
    public long Id { get; set; }

    /// <summary>Unique, stable name (a-z, 0-9, hyphens): imports match on it.</summary>
    public required string Slug { get; set; }

    public required string Title { get; set; }

    /// <summary>Markdown.</summary>
    public required string Body { get; set; }

    /// <summary>Lowercase tags (stored as a JSON array).</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Questions the article answers, in customers' words (stored as a JSON array): searched like the title.</summary>
    public List<string> Questions { get; set; } = [];

    /// <summary>A language code such as <c>en</c>.</summary>
    public required string Language { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set on every change: the search index compares it to find changed articles.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
