namespace Rapport.Core.Knowledge;

/// <summary>One passage of an article: a heading's section, or a group of its paragraphs.</summary>
/// <param name="Heading">The heading the passage sits under, without its <c>#</c>s; null before the first heading.</param>
/// <param name="Range">Where the passage's text is in the body (the heading line is not included).</param>
public readonly record struct KnowledgePassage(string? Heading, Range Range);

/// <summary>
/// Splits an article's Markdown body into passages, the unit search returns as "the passage that answers": a new
/// passage at every heading, and within a section paragraphs grouped up to about <see cref="TargetLength"/> characters
/// (a paragraph is never cut, nor a fenced code block; a list stays with the paragraph that introduces it).
/// </summary>
public static class KnowledgePassages
{
    /// <summary>Paragraphs are grouped until a passage reaches about this many characters.</summary>
    public const int TargetLength = 600;

    /// <summary>The passages of <paramref name="body"/>, in order; an empty body has none.</summary>
    public static IReadOnlyList<KnowledgePassage> Split(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var passages = new List<KnowledgePassage>();
        string? heading = null;
        int start = -1, end = -1;
        var inFence = false;
        var previousBlank = true;
        var previousIsList = false;
        var position = 0;
        while (position <= body.Length)
        {
            var newline = body.IndexOf('\n', position);
            var lineEnd = newline < 0 ? body.Length : newline;
            var line = body.AsSpan(position, lineEnd - position).TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```") || trimmed.StartsWith("~~~"))
            {
                inFence = !inFence;
            }

            if (!inFence && IsHeading(trimmed, out var text))
            {
                Flush(passages, heading, ref start, ref end);
                heading = text;
                previousBlank = true;
            }
            else if (trimmed.IsWhiteSpace() && !inFence)
            {
                previousBlank = true;
            }
            else
            {
                var isList = IsListItem(trimmed);

                // A new paragraph may start a new passage once the current one is long enough; a list continuing
                // after its introduction (or after a blank line between items) stays.
                if (previousBlank && start >= 0 && end - start >= TargetLength && !(isList && previousIsList))
                {
                    Flush(passages, heading, ref start, ref end);
                }

                if (start < 0)
                {
                    start = position;
                }

                end = position + line.Length;
                previousBlank = false;
                previousIsList = isList;
            }

            if (newline < 0)
            {
                break;
            }

            position = newline + 1;
        }

        Flush(passages, heading, ref start, ref end);
        return passages;
    }

    private static void Flush(List<KnowledgePassage> passages, string? heading, ref int start, ref int end)
    {
        if (start >= 0 && end > start)
        {
            passages.Add(new KnowledgePassage(heading, start..end));
        }

        start = -1;
        end = -1;
    }

    private static bool IsHeading(ReadOnlySpan<char> line, out string text)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        if (level is >= 1 and <= 6 && level < line.Length && line[level] == ' ')
        {
            text = line[(level + 1)..].Trim().TrimEnd('#').Trim().ToString();
            return text.Length > 0;
        }

        text = "";
        return false;
    }

    private static bool IsListItem(ReadOnlySpan<char> line)
    {
        if (line.Length >= 2 && line[0] is '-' or '*' or '+' && line[1] == ' ')
        {
            return true;
        }

        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits > 0 && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] == ' ';
    }
}
