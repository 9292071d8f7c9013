namespace Rapport.Core.Text;

/// <summary>
/// A light English suffix stripper: "disgusted", "disgusting" and "disgust" share a stem. Returns a length into the
/// word, so it allocates nothing. Deliberately simple: it only needs to group word forms for the model and lexicons.
/// </summary>
internal static class Stemmer
{
    private static readonly string[] Suffixes =
    [
        "fulness", "ousness", "iveness", "ations", "ingly", "ation", "ments", "ness", "ment", "ings", "ible", "able",
        "edly", "ful", "ing", "ies", "ied", "ous", "ive", "ity", "ers", "est", "ed", "er", "ly", "es", "s",
    ];

    // Suffixes by their last letter, longest first, so a word is compared only with the few that can match.
    private static readonly string[][] ByLastLetter = BuildIndex();

    private static string[][] BuildIndex()
    {
        var index = new string[26][];
        for (var c = 0; c < 26; c++)
        {
            index[c] = [.. Suffixes.Where(s => s[^1] == 'a' + c)];
        }

        return index;
    }

    public static int StemLength(ReadOnlySpan<char> word)
    {
        if (word.Length < 5)
        {
            return word.Length;
        }

        var last = TextHash.Fold(word[^1]) - 'a';
        if ((uint)last >= 26)
        {
            return word.Length;
        }

        foreach (var suffix in ByLastLetter[last])
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                var stem = word.Length - suffix.Length;

                // "stopped" -> "stop", "annoyed" stays "annoy".
                if (stem >= 4 && word[stem - 1] == word[stem - 2] && suffix[0] is 'e' or 'i' && !"lsz".Contains(char.ToLowerInvariant(word[stem - 1])))
                {
                    stem--;
                }

                return DropFinalE(word, stem);
            }
        }

        return DropFinalE(word, word.Length);
    }

    /// <summary>"damage" and "damaged" both end at "damag".</summary>
    private static int DropFinalE(ReadOnlySpan<char> word, int stem) =>
        stem >= 4 && word[stem - 1] is 'e' or 'E' ? stem - 1 : stem;
}
