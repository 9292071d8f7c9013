using System.Buffers;

namespace Rapport.Core.Text;

/// <summary>
/// Splits text into words, numbers, punctuation runs, emoji, emoticons, mentions and URLs without allocating.
/// Offsets point into the original text so callers can highlight evidence.
/// </summary>
internal static class Tokenizer
{
    private static readonly string[] Emoticons =
    [
        ">:-(", ">:(", ":'-(", ":'(", ":-)", ":-(", ":-D", ";-)", ":-/", ":-P", ":-p", ":-|", ":-O", ":-o",
        "</3", "^_^", "-_-", "T_T", ";_;", ":)", ":(", ":D", ";)", ":P", ":p", ":/", ":|", ":O", ":o", ":@", ":3",
        "<3", "=)", "=(", "=D", ":]", ":[", "^^", "(:", "):",
    ];

    private static readonly SearchValues<char> EmoticonStarts = SearchValues.Create(":;=<>^-T()");

    /// <summary>An upper bound on the tokens a text of <paramref name="textLength"/> characters can produce.</summary>
    public static int MaxTokens(int textLength) => textLength + 1;

    /// <summary>Tokenizes <paramref name="text"/> into <paramref name="destination"/>; returns the count written.</summary>
    public static int Tokenize(ReadOnlySpan<char> text, Span<Token> destination)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length && count < destination.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '\uFE0F' || c == '\u200D')
            {
                i++;
                continue;
            }

            var start = i;
            var kind = TokenKind.Word;
            if (c is 'h' or 'H' or 'w' or 'W' && IsUrlStart(text[i..]))
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                kind = TokenKind.Url;
            }
            else if (EmoticonStarts.Contains(c) && TryMatchEmoticon(text, i, out var emoticonLength))
            {
                i += emoticonLength;
                kind = TokenKind.Emoticon;
            }
            else if ((c == '@' || c == '#') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
            {
                i = ConsumeWord(text, i + 1);
                kind = TokenKind.Mention;
            }
            else if (char.IsLetter(c))
            {
                i = ConsumeWord(text, i);
                if (IsEmoticonWord(text[start..i]))
                {
                    kind = TokenKind.Emoticon;
                }
            }
            else if (char.IsDigit(c))
            {
                i = ConsumeNumber(text, i);
                kind = TokenKind.Number;
                if (i < text.Length && char.IsLetter(text[i]))
                {
                    i = ConsumeWord(text, i);
                    kind = TokenKind.Word;
                }
            }
            else if (char.IsHighSurrogate(c) || IsBmpEmoji(c))
            {
                i = ConsumeEmoji(text, i);
                kind = TokenKind.Emoji;
            }
            else
            {
                i = ConsumePunctuation(text, i);
                kind = TokenKind.Punctuation;
            }

            var slice = text[start..i];
            destination[count++] = new Token(start, i - start, kind, HashToken(slice, kind), kind == TokenKind.Word && IsAllCaps(slice));
        }

        return count;
    }

    private static ulong HashToken(ReadOnlySpan<char> slice, TokenKind kind)
    {
        if (kind != TokenKind.Emoji)
        {
            return TextHash.Of(slice);
        }

        // Emoji: ignore variation selectors and skin-tone modifiers so "❤" and "❤️" are one token.
        Span<char> buffer = stackalloc char[Math.Min(slice.Length, 32)];
        var n = 0;
        for (var k = 0; k < slice.Length && n < buffer.Length; k++)
        {
            var ch = slice[k];
            if (ch == '\uFE0F' || ch == '\u200D')
            {
                continue;
            }

            if (ch == '\uD83C' && k + 1 < slice.Length && slice[k + 1] is >= '\uDFFB' and <= '\uDFFF')
            {
                k++;
                continue;
            }

            buffer[n++] = ch;
        }

        return TextHash.Of(buffer[..n]);
    }

    private static bool IsUrlStart(ReadOnlySpan<char> rest) =>
        rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static bool TryMatchEmoticon(ReadOnlySpan<char> text, int i, out int length)
    {
        foreach (var emoticon in Emoticons)
        {
            if (text[i..].StartsWith(emoticon, StringComparison.Ordinal))
            {
                var end = i + emoticon.Length;
                var endsCleanly = end >= text.Length || !char.IsLetterOrDigit(text[end]);
                var startsCleanly = i == 0 || !char.IsLetterOrDigit(text[i - 1]);

                // "(:" and "):" are only emoticons when they stand apart, and ":" followed by a letter is not one unless it ends there.
                if (endsCleanly && (startsCleanly || emoticon[0] is ':' or ';'))
                {
                    length = emoticon.Length;
                    return true;
                }
            }
        }

        length = 0;
        return false;
    }

    private static bool IsEmoticonWord(ReadOnlySpan<char> word) =>
        word is "xD" or "XD" or "xd" or "xP" or "XP" or "D:";

    private static int ConsumeWord(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                i++;
            }
            else if (IsApostrophe(c) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > 0 && char.IsLetter(text[i - 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static int ConsumeNumber(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                i++;
            }
            else if (c is '.' or ',' or ':' or '/' && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static int ConsumeEmoji(ReadOnlySpan<char> text, int i)
    {
        i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\uFE0F')
            {
                i++;
            }
            else if (c == '\uD83C' && i + 1 < text.Length && text[i + 1] is >= '\uDFFB' and <= '\uDFFF')
            {
                i += 2; // skin tone
            }
            else if (c == '\u200D' && i + 1 < text.Length && (char.IsHighSurrogate(text[i + 1]) || IsBmpEmoji(text[i + 1])))
            {
                i++; // zero-width joiner: the next symbol belongs to the same emoji
                i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static int ConsumePunctuation(ReadOnlySpan<char> text, int i)
    {
        var first = text[i];
        i++;
        if (first is '!' or '?')
        {
            while (i < text.Length && text[i] is '!' or '?')
            {
                i++;
            }
        }
        else
        {
            while (i < text.Length && text[i] == first)
            {
                i++;
            }
        }

        return i;
    }

    internal static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC';

    private static bool IsBmpEmoji(char c) => c is >= '\u2600' and <= '\u27BF' || c is '\u2B50' or '\u2B55' or '\u2764' or '\u203C' or '\u2049';

    private static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 2;
    }
}
