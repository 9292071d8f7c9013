namespace Rapport.Core.Training;

/// <summary>Whole-word, case-insensitive phrase matching and sentence splitting for the simulator's rules.</summary>
internal static class TextMatch
{
    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="text"/> on word boundaries, ignoring case.</summary>
    public static bool Contains(string text, string phrase)
    {
        var at = 0;
        while ((at = text.IndexOf(phrase, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = at + phrase.Length;
            var startOk = at == 0 || !char.IsLetterOrDigit(text[at - 1]) || !char.IsLetterOrDigit(phrase[0]);
            var endOk = end >= text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(phrase[^1]);
            if (startOk && endOk)
            {
                return true;
            }

            at++;
        }

        return false;
    }

    /// <summary>True when any of <paramref name="phrases"/> occurs in <paramref name="text"/>.</summary>
    public static bool ContainsAny(string text, IEnumerable<string> phrases) => phrases.Any(p => Contains(text, p));

    /// <summary>The phrases of <paramref name="phrases"/> that occur in <paramref name="text"/>.</summary>
    public static List<string> Found(string text, IEnumerable<string> phrases) => [.. phrases.Where(p => Contains(text, p))];

    /// <summary>The text's sentences with their end punctuation, trimmed; a final fragment counts as a sentence.</summary>
    public static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = c is '?' or '!' || c == '\n' || (c == '.' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (end)
            {
                while (i + 1 < text.Length && text[i + 1] is '?' or '!' or '.')
                {
                    i++;
                }

                Add(sentences, text[start..(i + 1)]);
                start = i + 1;
            }
        }

        Add(sentences, text[start..]);
        return sentences;
    }

    /// <summary>The sentences that ask something (end with a question mark).</summary>
    public static IEnumerable<string> Questions(string text) => Sentences(text).Where(s => s.EndsWith('?'));

    /// <summary>Lower case, single spaces, no trailing punctuation: for "same reply again?" comparisons.</summary>
    public static string Normalize(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', '!', '?', ' ');

    private static void Add(List<string> sentences, string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0 && trimmed.Any(char.IsLetterOrDigit))
        {
            sentences.Add(trimmed);
        }
    }
}
