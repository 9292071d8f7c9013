namespace Rapport.Core.Knowledge;

/// <summary>
/// Reads a knowledge-base article from Markdown: optional front matter between <c>---</c> lines (<c>title</c>,
/// <c>slug</c>, <c>tags</c>, <c>language</c>, and <c>question</c> once per question the article answers), otherwise the first <c># heading</c> is the title and the file name the slug.
/// </summary>
public static class KnowledgeMarkdown
{
    /// <summary>The longest slug accepted.</summary>
    public const int MaxSlugLength = 80;

    /// <summary>The longest title accepted.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>At most this many tags per article.</summary>
    public const int MaxTags = 20;

    /// <summary>The longest tag accepted.</summary>
    public const int MaxTagLength = 40;

    /// <summary>At most this many questions (the phrasings the article answers) per article.</summary>
    public const int MaxQuestions = 30;

    /// <summary>The longest question accepted.</summary>
    public const int MaxQuestionLength = 200;

    private const string AccentFolds = "àáâãäåāăąçćčďèéêëēęěìíîïīłñńňòóôõöøōřśšťùúûüūůýÿźżž";
    private const string AccentBases = "aaaaaaaaacccdeeeeeeeiiiiilnnnooooooorsstuuuuuuyyzzz";

    /// <summary>Parses <paramref name="text"/>, the content of <paramref name="fileName"/> (whose name gives the default slug).</summary>
    /// <exception cref="KnowledgeFormatException">The text is not an article; the exception names the line.</exception>
    public static KnowledgeDocument Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? title = null, slug = null, language = null;
        IReadOnlyList<string> tags = [];
        var questions = new List<string>();
        var bodyStart = 0;
        if (lines.Length > 0 && lines[0].TrimEnd() == "---")
        {
            var end = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
            if (end < 0)
            {
                throw new KnowledgeFormatException(1, "the front matter that starts here has no closing '---' line");
            }

            for (var i = 1; i < end; i++)
            {
                var line = lines[i];
                if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
                {
                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    throw new KnowledgeFormatException(i + 1, $"front matter line is not 'key: value': '{Shorten(line)}'");
                }

                var key = line[..colon].Trim().ToLowerInvariant();
                var value = Unquote(line[(colon + 1)..].Trim());
                switch (key)
                {
                    case "title":
                        title = value;
                        break;
                    case "slug":
                        slug = CheckSlug(value, i + 1);
                        break;
                    case "tags":
                        tags = ParseTags(value, i + 1);
                        break;
                    case "language" or "lang":
                        language = CheckLanguage(value, i + 1);
                        break;
                    case "question":
                        AddQuestion(questions, value, i + 1);
                        break;
                    default:
                        throw new KnowledgeFormatException(i + 1, $"unknown front matter key '{key}' (use title, slug, tags, language, question)");
                }
            }

            bodyStart = end + 1;
        }

        // Without a title in the front matter, the first '# heading' is the title and leaves the body.
        var titleLine = -1;
        if (string.IsNullOrWhiteSpace(title))
        {
            for (var i = bodyStart; i < lines.Length; i++)
            {
                if (lines[i].StartsWith("# ", StringComparison.Ordinal))
                {
                    title = lines[i][2..].Trim();
                    titleLine = i;
                    break;
                }

                if (!string.IsNullOrWhiteSpace(lines[i]))
                {
                    break;
                }
            }
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new KnowledgeFormatException(bodyStart + 1, "no title: add 'title:' to the front matter or start with a '# heading'");
        }

        if (title.Length > MaxTitleLength)
        {
            throw new KnowledgeFormatException(titleLine >= 0 ? titleLine + 1 : 1, $"the title is {title.Length} characters; the limit is {MaxTitleLength}");
        }

        var bodyLines = lines.Skip(bodyStart).Where((_, i) => i + bodyStart != titleLine);
        var body = string.Join('\n', bodyLines).Trim('\n', ' ', '\t');
        if (body.Length == 0)
        {
            throw new KnowledgeFormatException(titleLine >= 0 ? titleLine + 1 : Math.Max(1, bodyStart), "the article has a title but no body");
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] < ' ' && text[i] is not '\t' and not '\r' and not '\n')
            {
                var line = 1 + text.AsSpan(0, i).Count('\n');
                throw new KnowledgeFormatException(line, $"control character U+{(int)text[i]:X4}");
            }
        }

        return new KnowledgeDocument(slug ?? SlugFromName(Path.GetFileNameWithoutExtension(fileName)), title, tags, language ?? "en", body) { Questions = questions };
    }

    /// <summary>A slug made from a name or title: lowercase ASCII letters and digits, other runs become one hyphen.</summary>
    /// <exception cref="KnowledgeFormatException">Nothing usable is left.</exception>
    public static string SlugFromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            // Latin accents fold to their letter (the build may run without ICU, so no Unicode normalisation).
            var folded = AccentFolds.IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal);
            var ch = folded >= 0 ? AccentBases[folded] : c;
            if (char.IsAsciiLetterOrDigit(ch))
            {
                chars.Append(char.ToLowerInvariant(ch));
            }
            else if (chars.Length > 0 && chars[^1] != '-')
            {
                chars.Append('-');
            }
        }

        var slug = chars.ToString().Trim('-');
        if (slug.Length > MaxSlugLength)
        {
            slug = slug[..MaxSlugLength].TrimEnd('-');
        }

        return slug.Length == 0 ? throw new KnowledgeFormatException(0, $"'{name}' gives no slug: use letters or digits") : slug;
    }

    /// <summary>Whether <paramref name="slug"/> is a valid slug: 1–80 of a-z, 0-9 and inner hyphens.</summary>
    public static bool IsValidSlug(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxSlugLength && slug[0] != '-' && slug[^1] != '-'
        && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>A tag normalised (trimmed, lowercase); null with <paramref name="error"/> when it is not acceptable.</summary>
    public static string? NormalizeTag(string? tag, out string? error)
    {
        var trimmed = tag?.Trim().ToLowerInvariant();
        error = trimmed switch
        {
            null or "" => "a tag must not be empty",
            { Length: > MaxTagLength } => $"tag '{Shorten(trimmed)}' is longer than {MaxTagLength} characters",
            _ when trimmed.Any(c => char.IsControl(c) || c == ',') => $"tag '{Shorten(trimmed)}' contains a comma or a control character",
            _ => null,
        };
        return error is null ? trimmed : null;
    }

    /// <summary>A question normalised (trimmed, inner whitespace as one space); null with <paramref name="error"/> when it is
    /// not acceptable.</summary>
    public static string? NormalizeQuestion(string? question, out string? error)
    {
        var trimmed = question is null ? null : string.Join(' ', question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        error = trimmed switch
        {
            null or "" => "a question must not be empty",
            { Length: > MaxQuestionLength } => $"question '{Shorten(trimmed)}' is longer than {MaxQuestionLength} characters",
            _ when trimmed.Any(char.IsControl) => $"question '{Shorten(trimmed)}' contains a control character",
            _ => null,
        };
        return error is null ? trimmed : null;
    }

    private static void AddQuestion(List<string> questions, string value, int line)
    {
        var question = NormalizeQuestion(value, out var error) ?? throw new KnowledgeFormatException(line, error!);
        if (!questions.Contains(question, StringComparer.Ordinal))
        {
            questions.Add(question);
        }

        if (questions.Count > MaxQuestions)
        {
            throw new KnowledgeFormatException(line, $"more than {MaxQuestions} questions");
        }
    }

    private static string CheckSlug(string value, int line) =>
        IsValidSlug(value) ? value : throw new KnowledgeFormatException(line, $"slug '{Shorten(value)}' must be 1-{MaxSlugLength} of a-z, 0-9 and hyphens");

    private static string CheckLanguage(string value, int line) =>
        value.Length is >= 2 and <= 8 && value.All(c => char.IsAsciiLetter(c) || c == '-')
            ? value.ToLowerInvariant()
            : throw new KnowledgeFormatException(line, $"language '{Shorten(value)}' is not a language code such as en or pt-br");

    private static List<string> ParseTags(string value, int line)
    {
        var list = value.StartsWith('[') && value.EndsWith(']') ? value[1..^1] : value;
        var tags = new List<string>();
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tag = NormalizeTag(Unquote(part), out var error) ?? throw new KnowledgeFormatException(line, error!);
            if (!tags.Contains(tag, StringComparer.Ordinal))
            {
                tags.Add(tag);
            }
        }

        return tags.Count > MaxTags ? throw new KnowledgeFormatException(line, $"{tags.Count} tags; the limit is {MaxTags}") : tags;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;
}
