using System.Collections.Frozen;

namespace Rapport.Core.Text;

/// <summary>A phrase found in tokenised text: which phrase, its word positions and its character range.</summary>
internal readonly record struct PhraseMatch(int Phrase, int FirstWord, int LastWord, int Start, int End)
{
    public Range Range => Start..End;
}

/// <summary>
/// Finds multi-word phrases in tokenised text, case-insensitively and ignoring punctuation between words ("great, just
/// great"). A phrase word may be a wildcard: <c>#</c> (a number or number word), <c>ORD</c> (an ordinal: third, 3rd)
/// or <c>*</c> (any word). Lookup is by the first word's hash; nothing is allocated while matching.
/// </summary>
internal sealed class PhraseIndex
{
    private const ulong AnyNumber = 1;
    private const ulong AnyOrdinal = 2;
    private const ulong AnyWord = 3;

    private static readonly FrozenSet<ulong> NumberWords = new[]
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
        "twenty", "thirty", "forty", "fifty", "hundred", "several", "few", "couple", "many",
    }.Select(TextHash.Of).ToFrozenSet();

    private static readonly FrozenSet<ulong> Ordinals = new[]
    {
        "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "umpteenth", "nth",
        "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th", "12th", "millionth", "hundredth",
    }.Select(TextHash.Of).ToFrozenSet();

    private readonly ulong[][] _phrases;
    private readonly FrozenDictionary<ulong, int[]> _byFirstWord;
    private readonly int[] _numberFirst;
    private readonly int[] _ordinalFirst;

    /// <summary>Indexes <paramref name="phrases"/>; matches report a phrase by its position in this list.</summary>
    public PhraseIndex(IReadOnlyList<string> phrases)
    {
        _phrases = [.. phrases.Select(Parse)];

        // Longer phrases first, so the first match at a position is the longest.
        int[] Ordered(IEnumerable<int> ids) => [.. ids.OrderByDescending(i => _phrases[i].Length)];
        var ids = Enumerable.Range(0, _phrases.Length).ToArray();
        _numberFirst = Ordered(ids.Where(i => _phrases[i][0] == AnyNumber));
        _ordinalFirst = Ordered(ids.Where(i => _phrases[i][0] == AnyOrdinal));

        // Number words and ordinals also start the wildcard phrases, so matching needs one lookup per word.
        var byFirst = ids.Where(i => _phrases[i][0] > AnyWord).GroupBy(i => _phrases[i][0]).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (words, wildcards) in new[] { (NumberWords, _numberFirst), (Ordinals, _ordinalFirst) })
        {
            foreach (var word in words)
            {
                if (!byFirst.TryGetValue(word, out var list))
                {
                    byFirst[word] = list = [];
                }

                list.AddRange(wildcards);
            }
        }

        _byFirstWord = byFirst.Where(kv => kv.Value.Count > 0).ToFrozenDictionary(kv => kv.Key, kv => Ordered(kv.Value));
    }

    public int Count => _phrases.Length;

    public int WordCount(int phrase) => _phrases[phrase].Length;

    private static ulong[] Parse(string phrase) =>
        [.. phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w switch
        {
            "#" => AnyNumber,
            "ORD" => AnyOrdinal,
            "*" => AnyWord,
            _ => TextHash.Of(w),
        })];

    /// <summary>The positions of the non-punctuation tokens, written to <paramref name="words"/>; returns their count.</summary>
    public static int IndexWords(ReadOnlySpan<Token> tokens, Span<int> words)
    {
        var count = 0;
        for (var i = 0; i < tokens.Length && count < words.Length; i++)
        {
            if (tokens[i].Kind != TokenKind.Punctuation)
            {
                words[count++] = i;
            }
        }

        return count;
    }

    /// <summary>
    /// Finds phrases starting at each word. With <paramref name="longestOnly"/>, one match per start (the longest);
    /// otherwise every phrase that matches. Returns the number of matches written.
    /// </summary>
    public int Match(ReadOnlySpan<Token> tokens, ReadOnlySpan<int> words, Span<PhraseMatch> matches, bool longestOnly)
    {
        var count = 0;
        for (var w = 0; w < words.Length && count < matches.Length; w++)
        {
            var token = tokens[words[w]];
            if (_byFirstWord.TryGetValue(token.Hash, out var candidates))
            {
                count = Collect(candidates, tokens, words, w, matches, count, longestOnly);
            }

            else if (token.Kind == TokenKind.Number)
            {
                count = Collect(_numberFirst, tokens, words, w, matches, count, longestOnly);
            }
        }

        return count;
    }

    private int Collect(int[] candidates, ReadOnlySpan<Token> tokens, ReadOnlySpan<int> words, int start, Span<PhraseMatch> matches, int count, bool longestOnly)
    {
        foreach (var id in candidates)
        {
            if (count >= matches.Length)
            {
                break;
            }

            var phrase = _phrases[id];
            if (start + phrase.Length > words.Length || !MatchesAt(phrase, tokens, words, start))
            {
                continue;
            }

            var last = start + phrase.Length - 1;
            var match = new PhraseMatch(id, start, last, tokens[words[start]].Start, tokens[words[last]].End);
            if (longestOnly && count > 0 && matches[count - 1].FirstWord == start)
            {
                if (matches[count - 1].LastWord < last)
                {
                    matches[count - 1] = match;
                }

                continue;
            }

            matches[count++] = match;
            if (longestOnly)
            {
                break;
            }
        }

        return count;
    }

    private static bool MatchesAt(ulong[] phrase, ReadOnlySpan<Token> tokens, ReadOnlySpan<int> words, int start)
    {
        for (var k = 0; k < phrase.Length; k++)
        {
            var token = tokens[words[start + k]];
            var matched = phrase[k] switch
            {
                AnyNumber => IsNumber(token),
                AnyOrdinal => Ordinals.Contains(token.Hash),
                AnyWord => token.Kind == TokenKind.Word,
                var hash => token.Hash == hash,
            };
            if (!matched)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNumber(Token token) => token.Kind == TokenKind.Number || NumberWords.Contains(token.Hash);
}
