using Rapport.Core.Text;

namespace Rapport.Core.Emotions.Model;

/// <summary>
/// Turns tokens into the sparse features of <see cref="LinearModel"/>: case-folded unigrams (marked when inside a
/// negation scope), bigrams, and a few shape features (ALL CAPS, "!!", "??", emoji). Training and inference share this
/// code, so a change here requires retraining (tools/Rapport.Training).
/// </summary>
internal static class FeatureExtractor
{
    /// <summary>Bump when features change; the model file records the version it was trained with.</summary>
    public const int Version = 2;

    private const int NegationScope = 3;
    private const ulong NegatedSalt = 0x4E45474154454421UL;
    private const ulong StemSalt = 0x5354454D53544D21UL;

    private static readonly ulong NumberHash = TextHash.Of("__num__");
    private static readonly ulong UrlHash = TextHash.Of("__url__");
    private static readonly ulong MentionHash = TextHash.Of("__mention__");
    private static readonly ulong CapsHash = TextHash.Of("__caps__");
    private static readonly ulong ExclaimHash = TextHash.Of("!");
    private static readonly ulong ExclaimRunHash = TextHash.Of("__!!__");
    private static readonly ulong QuestionHash = TextHash.Of("?");
    private static readonly ulong QuestionRunHash = TextHash.Of("__??__");
    private static readonly ulong BeginHash = TextHash.Of("__bos__");

    /// <summary>An upper bound on the features for <paramref name="tokenCount"/> tokens.</summary>
    public static int MaxFeatures(int tokenCount) => (tokenCount * 3) + 2;

    public static int Extract(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<Feature> destination)
    {
        var count = 0;
        var negationLeft = 0;
        var previous = BeginHash;
        var previousIndex = -1;
        var sawCaps = false;
        var lowerWords = 0;
        for (var i = 0; i < tokens.Length && count + 3 < destination.Length; i++)
        {
            var token = tokens[i];
            var hash = token.Kind switch
            {
                TokenKind.Number => NumberHash,
                TokenKind.Url => UrlHash,
                TokenKind.Mention => MentionHash,
                TokenKind.Punctuation => PunctuationHash(text, token),
                _ => token.Hash,
            };

            if (token.Kind == TokenKind.Punctuation && hash == 0)
            {
                // Sentence punctuation ends a negation scope and breaks bigrams.
                if (IsClauseBreak(text[token.Start]))
                {
                    negationLeft = 0;
                    previous = BeginHash;
                    previousIndex = -1;
                }

                continue;
            }

            if (token.Kind == TokenKind.Word)
            {
                if (token.IsAllCaps && token.Length > 2)
                {
                    sawCaps = true;
                }
                else
                {
                    lowerWords++;
                }
            }

            var unigram = negationLeft > 0 && token.Kind == TokenKind.Word ? TextHash.Salt(hash, NegatedSalt) : hash;
            destination[count++] = new Feature(unigram, i, i);
            destination[count++] = new Feature(TextHash.Combine(previous, hash), previousIndex < 0 ? i : previousIndex, i);
            if (token.Kind == TokenKind.Word)
            {
                var word = token.Slice(text);
                var stem = Stemmer.StemLength(word);
                if (stem < word.Length)
                {
                    var stemHash = TextHash.Salt(TextHash.Of(word[..stem]), StemSalt);
                    destination[count++] = new Feature(negationLeft > 0 ? TextHash.Salt(stemHash, NegatedSalt) : stemHash, i, i);
                }
            }

            previous = hash;
            previousIndex = i;

            if (token.Kind == TokenKind.Word && Negation.IsNegator(token.Hash))
            {
                negationLeft = NegationScope + 1;
            }

            if (negationLeft > 0)
            {
                negationLeft--;
            }
        }

        if (sawCaps && lowerWords > 0 && count < destination.Length)
        {
            destination[count++] = new Feature(CapsHash, -1, -1);
        }

        return count;
    }

    private static ulong PunctuationHash(ReadOnlySpan<char> text, Token token)
    {
        var slice = token.Slice(text);
        var exclaims = slice.Count('!');
        var questions = slice.Count('?');
        if (exclaims > 1)
        {
            return ExclaimRunHash;
        }

        if (questions > 1)
        {
            return QuestionRunHash;
        }

        return exclaims == 1 ? ExclaimHash : questions == 1 ? QuestionHash : 0;
    }

    private static bool IsClauseBreak(char c) => c is '.' or ',' or ';' or ':' or '(' or ')' or '\n';
}
