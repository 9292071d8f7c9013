using Rapport.Core.Text;

namespace Rapport.Core.Emotions;

/// <summary>How a text looks rather than what it says: shouting, "!!!", "???", degree words, a contrast.</summary>
internal readonly record struct TextShape(bool Shouting, bool AllShouting, int Exclamations, bool ExclamationRun, bool QuestionRun, int Degree)
{
    /// <summary>True when degree words make the text stronger ("extremely", "so").</summary>
    public bool Boosted => Degree > 0;

    private static readonly ulong[] Contrasts = [TextHash.Of("but"), TextHash.Of("however"), TextHash.Of("although"), TextHash.Of("though")];

    public static TextShape Of(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        var words = 0;
        var caps = 0;
        var exclamations = 0;
        var exclamationRun = false;
        var questionRun = false;
        var degree = 0;
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case TokenKind.Word:
                    words++;
                    caps += token.IsAllCaps && token.Length > 2 ? 1 : 0;
                    degree += Math.Sign(ValenceScorer.Default.BoosterScalar(token.Hash));
                    break;
                case TokenKind.Punctuation:
                    var slice = token.Slice(text);
                    var bangs = slice.Count('!');
                    exclamations += bangs;
                    exclamationRun |= bangs >= 2;
                    questionRun |= slice.Count('?') >= 2;
                    break;
            }
        }

        // Shouting: several words in capitals, or most of a message (ignoring short acronyms such as "ASAP" alone).
        var shouting = caps >= 3 || (caps >= 2 && caps * 2 >= words);
        var allShouting = caps >= 3 && caps * 10 >= words * 8;
        return new TextShape(shouting, allShouting, exclamations, exclamationRun, questionRun, degree);
    }

    /// <summary>The character position of the last contrast word ("but", "however"), or -1.</summary>
    public static int ContrastPosition(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        for (var i = tokens.Length - 1; i >= 0; i--)
        {
            if (Array.IndexOf(Contrasts, tokens[i].Hash) >= 0)
            {
                return tokens[i].Start;
            }
        }

        return -1;
    }
}
