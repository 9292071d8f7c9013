using System.Collections.Frozen;
using System.Globalization;

namespace Rapport.Core.Language;

/// <summary>
/// Identifies the language of a customer message from hand-curated word lists and character n-grams
/// (see docs/data.md). Pure and thread-safe: the profiles are immutable and <see cref="Detect"/> keeps its state on the stack.
/// </summary>
/// <remarks>
/// Each word adds its listed weight (a log-likelihood-like score) to every language that lists it. A word no list knows
/// adds the weights of its 1- to 4-letter n-grams instead (capped per word), so "configuración" still counts for Spanish.
/// Only the first <see cref="MaxWords"/> words are read. On a tie the first language in languages.tsv, English, wins.
/// </remarks>
public sealed class LanguageDetector
{
    /// <summary>Words read before stopping: enough to decide, and it bounds the cost of a pasted e-mail thread.</summary>
    internal const int MaxWords = 64;

    /// <summary>An unknown word's n-grams add at most this much to one language, about as much as a mid-tier word.</summary>
    internal const float NgramWordCap = 2.5f;

    /// <summary>The score margin at which confidence reaches 1 - 1/e (before damping for short texts).</summary>
    internal const double MarginScale = 4.0;

    /// <summary>Confidence is multiplied by words / (words + this), so one word yields at most a third.</summary>
    internal const double ShortTextDamping = 2.0;

    private static readonly Lazy<LanguageDetector> LazyDefault = new(() => new LanguageDetector(LanguageProfiles.LoadEmbedded()));

    private readonly FrozenDictionary<string, EvidenceRange>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly NgramTable _ngrams;
    private readonly Evidence[] _evidence;
    private readonly string[] _languages;

    internal LanguageDetector(LanguageProfiles profiles)
    {
        _words = profiles.Words.GetAlternateLookup<ReadOnlySpan<char>>();
        _ngrams = profiles.Ngrams;
        _evidence = profiles.Evidence;
        _languages = profiles.Languages;
        SupportedLanguages = Array.AsReadOnly(profiles.Languages);
    }

    /// <summary>The detector built from the profiles embedded in Rapport.Core, loaded once on first use.</summary>
    public static LanguageDetector Default => LazyDefault.Value;

    /// <summary>The ISO 639-1 codes this detector can return (besides <c>"und"</c>), English first.</summary>
    public IReadOnlyList<string> SupportedLanguages { get; }

    /// <summary>Guesses the language of <paramref name="text"/>.</summary>
    /// <param name="text">Any text; only its first 64 words are read. URLs and @mentions are skipped.</param>
    /// <returns>
    /// The most likely language and a confidence in [0, 1] that grows with the lead over the runner-up and with the
    /// number of words; <see cref="LanguageGuess.Undetermined"/> when the text has no letters, or only letters from
    /// scripts none of the profiles cover.
    /// </returns>
    public LanguageGuess Detect(ReadOnlySpan<char> text)
    {
        Span<float> scores = stackalloc float[LanguageProfiles.MaxLanguages];
        scores = scores[.._languages.Length];
        var words = Score(text, scores, out var hasEvidence);
        if (words == 0 || !hasEvidence)
        {
            // Letters but nothing recognised: Latin script falls to the first language (English); other scripts are "und".
            return words > 0 && HasLatinLetter(text) ? new LanguageGuess(_languages[0], 0) : LanguageGuess.Undetermined;
        }

        return Decide(scores, words);
    }

    /// <summary>
    /// Fills <paramref name="scores"/> (one per language, in <see cref="SupportedLanguages"/> order) and returns the
    /// number of words read; <paramref name="hasEvidence"/> tells whether any word or cue favoured some language.
    /// </summary>
    internal int Score(ReadOnlySpan<char> text, Span<float> scores, out bool hasEvidence)
    {
        Span<float> ngramScores = stackalloc float[LanguageProfiles.MaxLanguages];
        Span<char> word = stackalloc char[LanguageProfiles.MaxWordLength];
        ngramScores = ngramScores[..scores.Length];
        scores.Clear();

        var words = 0;
        hasEvidence = false;
        var i = 0;
        while (i < text.Length && words < MaxWords)
        {
            var c = text[i];
            if (!char.IsLetter(c))
            {
                if (c is '@' or '#' || (c == '/' && i + 1 < text.Length && text[i + 1] == '/'))
                {
                    i = SkipToWhitespace(text, i); // mentions, hashtags and the rest of URLs say nothing about language
                    continue;
                }

                if (c > '\x7F' && _ngrams.TryGetValue(c, out var cue))
                {
                    hasEvidence |= Add(cue, scores);
                }

                i++;
                continue;
            }

            if (IsUrlStart(text[i..]))
            {
                i = SkipToWhitespace(text, i);
                continue;
            }

            var length = 0;
            var apostrophe = -1;
            while (i < text.Length)
            {
                c = text[i];
                if (char.IsLetter(c))
                {
                    if (length < word.Length)
                    {
                        word[length++] = char.ToLowerInvariant(c);
                    }
                }
                else if (IsApostrophe(c) && apostrophe < 0 && length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    apostrophe = length;
                    if (length < word.Length)
                    {
                        word[length++] = '\'';
                    }
                }
                else if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                {
                    break; // a combining accent (decomposed text) is dropped but does not end the word
                }

                i++;
            }

            if (length == 1 && i < text.Length && text[i] == '-')
            {
                continue; // the "e" of "e-mail" or the "T" of "T-shirt" is not the Portuguese "e"
            }

            words++;
            hasEvidence |= ScoreWord(word[..length], apostrophe < length ? apostrophe : -1, scores, ngramScores);
        }

        return words;
    }

    private LanguageGuess Decide(ReadOnlySpan<float> scores, int words)
    {
        var best = 0;
        var second = -1;
        for (var l = 1; l < scores.Length; l++)
        {
            if (scores[l] > scores[best])
            {
                second = best;
                best = l;
            }
            else if (second < 0 || scores[l] > scores[second])
            {
                second = l;
            }
        }

        var margin = second < 0 ? scores[best] : scores[best] - scores[second];
        var confidence = (1 - Math.Exp(-margin / MarginScale)) * words / (words + ShortTextDamping);
        return new LanguageGuess(_languages[best], Math.Clamp(confidence, 0, 1));
    }

    /// <summary>Scores one lowercased word; a word with an apostrophe is tried whole, then as its two sides ("l'" + "ordre").</summary>
    private bool ScoreWord(ReadOnlySpan<char> word, int apostrophe, Span<float> scores, Span<float> ngramScores)
    {
        if (_words.TryGetValue(word, out var whole))
        {
            return Add(whole, scores); // a neutral word ("ok") is known: no n-grams, no evidence
        }

        if (apostrophe < 0)
        {
            return AddNgrams(word, scores, ngramScores);
        }

        var head = word[..(apostrophe + 1)]; // "l'", "dell'", "qu'"; else "customer"
        var tail = word[apostrophe..];       // "'s", "'t"; else "ordre"
        var found = false;
        if (_words.TryGetValue(head, out var range) || _words.TryGetValue(head[..^1], out range))
        {
            found |= Add(range, scores);
        }
        else
        {
            found |= AddNgrams(head[..^1], scores, ngramScores);
        }

        if (_words.TryGetValue(tail, out range) || _words.TryGetValue(tail[1..], out range))
        {
            found |= Add(range, scores);
        }
        else
        {
            found |= AddNgrams(tail[1..], scores, ngramScores);
        }

        return found;
    }

    private bool Add(EvidenceRange range, Span<float> scores)
    {
        foreach (var e in _evidence.AsSpan(range.Start, range.Count))
        {
            scores[e.Language] += e.Weight;
        }

        return range.Count > 0;
    }

    /// <summary>Adds the capped weights of every 1- to 4-gram of "_word_" ('_' marks the word's edges).</summary>
    private bool AddNgrams(ReadOnlySpan<char> word, Span<float> scores, Span<float> ngramScores)
    {
        if (word.IsEmpty)
        {
            return false;
        }

        ngramScores.Clear();
        var found = false;
        var padded = word.Length + 2;
        for (var start = 0; start < padded; start++)
        {
            ulong key = 0;
            for (var n = 0; n < NgramTable.MaxLength && start + n < padded; n++)
            {
                var p = start + n;
                key |= (ulong)(p == 0 || p == padded - 1 ? '_' : word[p - 1]) << (16 * n);
                if (_ngrams.TryGetValue(key, out var range))
                {
                    found |= Add(range, ngramScores);
                }
            }
        }

        if (found)
        {
            for (var l = 0; l < scores.Length; l++)
            {
                scores[l] += Math.Min(ngramScores[l], NgramWordCap);
            }
        }

        return found;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    private static bool IsUrlStart(ReadOnlySpan<char> rest) =>
        rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static int SkipToWhitespace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool HasLatinLetter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c <= '\u024F' && char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}
