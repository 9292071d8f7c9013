using System.Text;
using Rapport.Core.Emotions;

namespace Rapport.Core.Coaching;

/// <summary>
/// Active listening in text: finds the clause where the customer says what went wrong (or what they need by when)
/// and turns it to the second person, so a reply can say it back ("I'm sorry that your order arrived damaged").
/// </summary>
internal static class Reflection
{
    private const int MaxWords = 14;

    private static readonly Dictionary<string, string> Swaps = new(StringComparer.OrdinalIgnoreCase)
    {
        ["i"] = "you", ["i'm"] = "you're", ["im"] = "you're", ["i've"] = "you've", ["ive"] = "you've", ["i'll"] = "you'll",
        ["i'd"] = "you'd", ["my"] = "your", ["me"] = "you", ["mine"] = "yours", ["myself"] = "yourself", ["am"] = "are",
        ["we"] = "you", ["our"] = "your", ["ours"] = "yours", ["us"] = "you", ["we're"] = "you're", ["we've"] = "you've",
        ["your"] = "our", ["yours"] = "ours", ["you're"] = "we're", ["you've"] = "we've", ["you'll"] = "we'll",
        ["yourself"] = "ourselves", ["was"] = "was",
    };

    private static readonly HashSet<string> SubjectContext = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "but", "so", "because", "that", "when", "if", "since", "why", "as", "though", "although", "until",
    };

    private static readonly string[] ClauseWords = [" and ", " but ", " because ", " so ", " which "];

    private static readonly string[] Openers = ["hi", "hello", "hey", "dear", "so", "and", "but", "also", "well", "ok", "okay", "um", "look", "listen", "honestly", "seriously", "ugh"];

    private static readonly string[] UrgencyMarkers =
    [
        "need it", "needed it", "need this", "deadline", "by monday", "by tuesday", "by wednesday", "by thursday", "by friday",
        "by saturday", "by sunday", "for monday", "for tuesday", "for wednesday", "for thursday", "for friday", "for saturday",
        "for sunday", "by tomorrow", "for tomorrow", "tonight", "asap", "urgent", "before",
    ];

    /// <summary>The clause carrying the strongest negative evidence, reflected; null when the customer reported nothing.</summary>
    public static string? ProblemClause(string text, EmotionReading reading)
    {
        var anchor = -1;
        foreach (var evidence in reading.Evidence)
        {
            if (evidence.Emotion is not SupportEmotion.Gratitude and not SupportEmotion.Relief and not SupportEmotion.Impatience
                && evidence.Range.Start.Value < text.Length)
            {
                anchor = evidence.Range.Start.Value;
                break;
            }
        }

        return anchor < 0 ? null : Reflect(ClauseAround(text, anchor));
    }

    /// <summary>The first clause that says what went well (not the thanks itself), reflected; null when none.</summary>
    public static string? GoodNewsClause(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsBoundary(text, i, backwards: false))
            {
                continue;
            }

            var clause = text[start..i].Trim();
            start = i + 1;
            if (clause.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3
                && !clause.Contains("thank", StringComparison.OrdinalIgnoreCase)
                && !clause.Contains("appreciate", StringComparison.OrdinalIgnoreCase))
            {
                return Reflect(clause);
            }
        }

        return null;
    }

    /// <summary>The clause that says what the customer needs by when ("I need it for Saturday"), reflected.</summary>
    public static string? UrgencyClause(string text)
    {
        foreach (var marker in UrgencyMarkers)
        {
            var at = IndexOfWords(text, marker);
            if (at >= 0)
            {
                return Reflect(ClauseAround(text, at));
            }
        }

        return null;
    }

    private static int IndexOfWords(string text, string phrase)
    {
        var at = 0;
        while ((at = text.IndexOf(phrase, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + phrase.Length;
            var after = end >= text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                return at;
            }

            at = end;
        }

        return -1;
    }

    /// <summary>The clause around <paramref name="position"/>: bounded by sentence ends, commas, "and", "but".</summary>
    internal static string ClauseAround(string text, int position)
    {
        var start = position;
        while (start > 0 && !IsBoundary(text, start - 1, backwards: true))
        {
            start--;
        }

        var end = position;
        while (end < text.Length && !IsBoundary(text, end, backwards: false))
        {
            end++;
        }

        return text[start..end].Trim();
    }

    private static bool IsBoundary(string text, int i, bool backwards)
    {
        var c = text[i];
        if (c is '.' or '!' or '?' or '\n' or ';' or ',' or ':' or '(' or ')')
        {
            // "3.5" and "e.g." are not boundaries.
            return !(c == '.' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]));
        }

        // " and " / " but " / " because " split clauses, looked at from their first letter.
        foreach (var word in ClauseWords)
        {
            var at = backwards ? i - word.Length + 1 : i;
            if (at >= 0 && at + word.Length <= text.Length && string.CompareOrdinal(text, at, word, 0, word.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Turns a customer's clause to the second person and trims openers, mentions and length.</summary>
    internal static string? Reflect(string clause)
    {
        var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('"', '\'', '“', '”'))
            .Where(w => w.Length > 0 && w[0] != '@')
            .ToList();
        while (words.Count > 0 && Openers.Contains(words[0].TrimEnd(',', '!').ToLowerInvariant()))
        {
            words.RemoveAt(0);
        }

        if (words.Count < 2)
        {
            return null;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < words.Count && i < MaxWords; i++)
        {
            var word = words[i].Replace('\u2019', '\'');
            var bare = word.TrimEnd('.', ',', '!', '?');
            var swapped = Swap(bare, i == 0 ? null : words[i - 1]);
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(i == 0 || swapped != bare ? swapped : word);
        }

        var reflected = builder.ToString().TrimEnd('.', ',', '!', '?', ' ');
        if (reflected.Length > 0 && char.IsUpper(reflected[0]) && !(reflected.Length > 1 && char.IsUpper(reflected[1])))
        {
            reflected = char.ToLowerInvariant(reflected[0]) + reflected[1..];
        }

        return reflected;
    }

    private static string Swap(string word, string? previous)
    {
        if (word.Equals("you", StringComparison.OrdinalIgnoreCase))
        {
            return previous is null || SubjectContext.Contains(previous) ? "we" : "us";
        }

        if (word.Equals("was", StringComparison.OrdinalIgnoreCase))
        {
            return previous is not null && previous.Equals("I", StringComparison.OrdinalIgnoreCase) ? "were" : word;
        }

        return Swaps.TryGetValue(word, out var swapped) ? swapped : word;
    }
}
