using System.Globalization;
using Rapport.Core.Text;

namespace Rapport.Core.Emotions.Cues;

/// <summary>
/// Finds the support-desk cues of cues.tsv and signals.tsv in tokenised text: repeat contact, waiting, urgency,
/// threats to leave, faults, emotion words and sarcastic praise. Matching ignores punctuation and case; a cue right
/// after a negator ("not urgent", "no thanks") is skipped unless the pattern itself negates ("not happy").
/// </summary>
internal sealed class CueLexicon
{
    private readonly CuePattern[] _patterns;
    private readonly PhraseIndex _index;

    private CueLexicon(List<(string Phrase, CuePattern Pattern)> patterns)
    {
        _patterns = [.. patterns.Select(p => p.Pattern)];
        _index = new PhraseIndex([.. patterns.Select(p => p.Phrase)]);
    }

    public static CueLexicon Default { get; } = Load("emotions/cues.tsv", "emotions/signals.tsv");

    public int Count => _patterns.Length;

    public static CueLexicon Load(params string[] resources)
    {
        var patterns = new List<(string, CuePattern)>();
        foreach (var resource in resources)
        {
            foreach (var (line, fields) in EmbeddedText.ReadTsv(resource))
            {
                if (fields.Length < 3)
                {
                    throw new InvalidDataException($"{resource}:{line}: expected pattern, signal and effects.");
                }

                patterns.Add((fields[0], Parse(fields[0], fields[1], fields[2], $"{resource}:{line}")));
            }
        }

        return new CueLexicon(patterns);
    }

    private static CuePattern Parse(string pattern, string signal, string effects, string where)
    {
        var negates = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => Negation.IsNegator(TextHash.Of(w)));
        var values = new float[EmotionScores.Count];
        float risk = 0;
        var suppress = false;
        foreach (var effect in effects.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (effect == "suppress")
            {
                suppress = true;
                continue;
            }

            var parts = effect.Split('=');
            if (parts.Length != 2 || !float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new InvalidDataException($"{where}: bad effect '{effect}'.");
            }

            if (parts[0] == "risk")
            {
                risk = value;
            }
            else if (EmotionNames.TryParse(parts[0], out var emotion))
            {
                values[(int)emotion] = value;
            }
            else
            {
                throw new InvalidDataException($"{where}: unknown emotion '{parts[0]}'.");
            }
        }

        return new CuePattern(signal, values, risk, suppress, negates);
    }

    /// <summary>
    /// Finds cues in <paramref name="tokens"/>: the longest at each position, none inside an earlier match, none
    /// negated. <paramref name="words"/> is scratch space of at least tokens.Length; returns the matches written.
    /// </summary>
    public int Match(ReadOnlySpan<Token> tokens, Span<int> words, Span<CueMatch> matches)
    {
        var wordCount = PhraseIndex.IndexWords(tokens, words);
        var indexed = words[..wordCount];
        Span<PhraseMatch> found = stackalloc PhraseMatch[Math.Min(matches.Length * 2, 256)];
        var foundCount = _index.Match(tokens, indexed, found, longestOnly: true);
        var count = 0;
        var coveredUntil = -1;
        foreach (var match in found[..foundCount])
        {
            var pattern = _patterns[match.Phrase];
            if (count >= matches.Length || match.LastWord <= coveredUntil || (!pattern.Negates && tokens[indexed[match.FirstWord]].Kind == TokenKind.Word && IsNegated(tokens, indexed, match.FirstWord)))
            {
                continue;
            }

            coveredUntil = match.LastWord;
            matches[count++] = new CueMatch(pattern, match.Start, match.End);
        }

        return count;
    }

    private static bool IsNegated(ReadOnlySpan<Token> tokens, ReadOnlySpan<int> words, int w)
    {
        for (var k = Math.Max(0, w - 2); k < w; k++)
        {
            // A sentence break between the negator and the cue ends the negation.
            if (Negation.IsNegator(tokens[words[k]].Hash) && !HasBreakBetween(tokens, words[k], words[w]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasBreakBetween(ReadOnlySpan<Token> tokens, int from, int to)
    {
        for (var i = from + 1; i < to; i++)
        {
            if (tokens[i].Kind == TokenKind.Punctuation)
            {
                return true;
            }
        }

        return false;
    }
}
