namespace Rapport.Core.Recognition;

/// <summary>
/// Finds the sentence in which a customer praises an agent by name ("Thanks so much Sam, you were brilliant"): the
/// text must have been read as grateful, and one sentence must hold the agent's first name as a whole word together
/// with a word of thanks or praise that is not negated ("Sam was not helpful" does not count). Pure and allocation-free;
/// the rule is documented in docs/recognition.md.
/// </summary>
public static class PraiseMatcher
{
    // Word stems that thank or praise; a token matches when it starts with one ("thank", "thanks", "thankful").
    private static readonly string[] Cues =
    [
        "thank", "thx", "cheers", "grateful", "appreciat", "brilliant", "great", "amazing", "awesome", "helpful",
        "wonderful", "fantastic", "excellent", "superb", "star", "legend", "lovely", "kind", "best", "perfect",
        "patient", "outstanding", "incredible", "hero", "gem",
    ];

    private static readonly string[] Negations = ["not", "never", "no", "hardly", "isn't", "wasn't", "weren't", "didn't", "don't"];

    /// <summary>The agent's first name: the first word of <paramref name="fullName"/>, or empty when there is none.</summary>
    public static ReadOnlySpan<char> FirstName(ReadOnlySpan<char> fullName)
    {
        var trimmed = fullName.Trim();
        var space = trimmed.IndexOfAny(' ', '\t');
        return space < 0 ? trimmed : trimmed[..space];
    }

    /// <summary>
    /// The first sentence of <paramref name="text"/> that praises <paramref name="agentName"/> (full or first name) by
    /// first name, as offsets into <paramref name="text"/>; null when <paramref name="gratitudeRead"/> is false, the
    /// first name is shorter than two letters, or no sentence names the agent with thanks or praise.
    /// </summary>
    /// <param name="text">A customer message or survey comment.</param>
    /// <param name="agentName">The agent's name as stored ("Sam Rivera").</param>
    /// <param name="gratitudeRead">Whether the emotion reading of <paramref name="text"/> has the gratitude label.</param>
    public static Range? FindPraise(ReadOnlySpan<char> text, ReadOnlySpan<char> agentName, bool gratitudeRead)
    {
        var name = FirstName(agentName);
        if (!gratitudeRead || name.Length < 2)
        {
            return null;
        }

        var start = 0;
        while (start < text.Length)
        {
            var length = text[start..].IndexOfAny(".!?\n");
            var end = length < 0 ? text.Length : start + length;
            var sentence = text[start..end];
            if (Praises(sentence, name))
            {
                var trimmedStart = start + (sentence.Length - sentence.TrimStart().Length);
                var trimmedEnd = start + sentence.TrimEnd().Length;

                // Keep the sentence's own closing mark ("brilliant!") in the quote.
                if (end < text.Length && text[end] is '.' or '!' or '?')
                {
                    trimmedEnd = end + 1;
                }

                return new Range(trimmedStart, trimmedEnd);
            }

            start = end + 1;
        }

        return null;
    }

    private static bool Praises(ReadOnlySpan<char> sentence, ReadOnlySpan<char> name)
    {
        var named = false;
        var praised = false;
        ReadOnlySpan<char> previous = default;
        var i = 0;
        while (i < sentence.Length)
        {
            if (!IsWordChar(sentence[i]))
            {
                i++;
                continue;
            }

            var wordStart = i;
            while (i < sentence.Length && IsWordChar(sentence[i]))
            {
                i++;
            }

            var word = sentence[wordStart..i].TrimEnd("'’");
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase) || IsPossessiveOf(word, name))
            {
                named = true;
            }
            else if (!praised && IsCue(word) && !IsNegation(previous))
            {
                praised = true;
            }

            previous = word;
        }

        return named && praised;
    }

    // "Sam's help": the name with 's or ’s.
    private static bool IsPossessiveOf(ReadOnlySpan<char> word, ReadOnlySpan<char> name) =>
        word.Length == name.Length + 2 && word.StartsWith(name, StringComparison.OrdinalIgnoreCase)
        && word[name.Length] is '\'' or '’' && word[^1] is 's' or 'S';

    private static bool IsWordChar(char ch) => char.IsLetterOrDigit(ch) || ch is '\'' or '’' or '-';

    private static bool IsCue(ReadOnlySpan<char> word)
    {
        foreach (var cue in Cues)
        {
            if (word.StartsWith(cue, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNegation(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return false;
        }

        foreach (var negation in Negations)
        {
            if (word.Equals(negation, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return word.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || word.EndsWith("n’t", StringComparison.OrdinalIgnoreCase);
    }
}
