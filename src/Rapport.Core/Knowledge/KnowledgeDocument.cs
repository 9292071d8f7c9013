namespace Rapport.Core.Knowledge;

/// <summary>A knowledge-base article as written in a Markdown file (docs/knowledge-base.md).</summary>
/// <param name="Slug">Stable identifier: lowercase letters, digits and hyphens (from the front matter or the file name).</param>
/// <param name="Title">The front matter's <c>title</c> or the first <c># heading</c>.</param>
/// <param name="Tags">Lowercase tags, possibly none.</param>
/// <param name="Language">A language code, <c>en</c> unless the front matter says otherwise.</param>
/// <param name="Body">The Markdown body, without the front matter and without the heading that gave the title.</param>
public sealed record KnowledgeDocument(string Slug, string Title, IReadOnlyList<string> Tags, string Language, string Body)
{
    /// <summary>Questions the article answers, in customers' words (front matter <c>question:</c> lines), written by its
    /// author so that the search also finds it by phrasings its text does not use; possibly none.</summary>
    public IReadOnlyList<string> Questions { get; init; } = [];
}

/// <summary>A Markdown file that cannot be read as an article; <see cref="Line"/> is 1-based.</summary>
public sealed class KnowledgeFormatException : FormatException
{
    /// <summary>Creates an exception without a line.</summary>
    public KnowledgeFormatException()
    {
    }

    /// <summary>Creates an exception without a line.</summary>
    public KnowledgeFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception without a line.</summary>
    public KnowledgeFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception about <paramref name="line"/> (1-based).</summary>
    public KnowledgeFormatException(int line, string message)
        : base(message)
    {
        Line = line;
    }

    /// <summary>The 1-based line the problem is on; 0 when it concerns the whole file.</summary>
    public int Line { get; }
}
