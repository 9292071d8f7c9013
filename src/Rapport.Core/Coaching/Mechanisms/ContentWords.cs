using System.Buffers;
using System.Collections.Frozen;
using Rapport.Core.Text;

namespace Rapport.Core.Coaching.Mechanisms;

/// <summary>
/// Content words (not function words) reduced to a crude stem, so "tried" in a question meets "trying" in the
/// other person's message. Used to tell a specific question or paraphrase from a generic one.
/// </summary>
internal static class ContentWords
{
    private const int MinLength = 3;

    /// <summary>Whether the token is a content word: a word of three letters or more outside <paramref name="functionWords"/>.</summary>
    public static bool IsContent(in MatchToken token, FrozenSet<ulong> functionWords) =>
        token.IsWord && token.End - token.Start >= MinLength && !functionWords.Contains(token.Hash);

    /// <summary>The hash of the crude stem of <paramref name="word"/>.</summary>
    public static ulong StemHash(ReadOnlySpan<char> word)
    {
        var apostrophe = word.IndexOfAny('\'', '\u2019');
        if (apostrophe > 0)
        {
            word = word[..apostrophe];
        }

        var length = word.Length;
        if (EndsWith(word, "ing") && length >= 6)
        {
            length -= 3;
        }
        else if (EndsWith(word, "ed") && length >= 5)
        {
            length -= 2;
        }
        else if (EndsWith(word, "ies") && length >= 5)
        {
            length -= 2;
        }
        else if (EndsWith(word, "es") && length >= 5)
        {
            length -= 2;
        }
        else if (EndsWith(word, "s") && !EndsWith(word, "ss") && length >= 4)
        {
            length -= 1;
        }

        // "tried" → "tri", "tries" → "tri"; "hoping" → "hop", "hope" → "hop": a final e or y carries no meaning here.
        var stem = word[..length];
        if (stem.Length > 3 && TextHash.Fold(stem[^1]) is 'e' or 'y' or 'i')
        {
            stem = stem[..^1];
        }

        return TextHash.Of(stem);
    }

    /// <summary>
    /// Writes the sorted, distinct stems of the content words of <paramref name="text"/> into a pooled array;
    /// the caller returns it to <see cref="ArrayPool{T}.Shared"/>.
    /// </summary>
    public static ulong[] SortedStems(ReadOnlySpan<char> text, MechanismPhraseBank bank, FrozenSet<ulong> functionWords, out int count)
    {
        var tokens = ArrayPool<Token>.Shared.Rent(Tokenizer.MaxTokens(text.Length));
        var n = Tokenizer.Tokenize(text, tokens);
        var stems = ArrayPool<ulong>.Shared.Rent(Math.Max(n, 1));
        count = 0;
        foreach (var token in tokens.AsSpan(0, n))
        {
            if (token.Kind == TokenKind.Word && token.Length >= MinLength && !functionWords.Contains(bank.Normalize(token.Hash)))
            {
                stems[count++] = StemHash(token.Slice(text));
            }
        }

        ArrayPool<Token>.Shared.Return(tokens);
        var span = stems.AsSpan(0, count);
        span.Sort();
        var distinct = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (i == 0 || span[i] != span[distinct - 1])
            {
                span[distinct++] = span[i];
            }
        }

        count = distinct;
        return stems;
    }

    private static bool EndsWith(ReadOnlySpan<char> word, string suffix) =>
        word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
}
