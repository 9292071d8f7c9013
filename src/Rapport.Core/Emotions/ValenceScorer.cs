using System.Collections.Frozen;
using System.Globalization;
using Rapport.Core.Text;

namespace Rapport.Core.Emotions;

/// <summary>
/// Rule-based valence in the manner of VADER (Hutto and Gilbert 2014): a valence lexicon with negation, degree words,
/// ALL CAPS emphasis, contrast ("but") and exclamation/question emphasis, normalised to [-1, 1]. The lexicon is derived
/// from VADER's (MIT) plus Rapport's support-domain additions; see docs/data.md.
/// </summary>
internal sealed class ValenceScorer
{
    private const float CapsEmphasis = 0.733f;
    private const float NegationScalar = -0.74f;
    private const float Normaliser = 15f;

    private static readonly ulong ButHash = TextHash.Of("but");
    private static readonly ulong HoweverHash = TextHash.Of("however");

    private readonly FrozenDictionary<ulong, float> _valence;
    private readonly FrozenDictionary<ulong, float> _boosters;

    private ValenceScorer(FrozenDictionary<ulong, float> valence, FrozenDictionary<ulong, float> boosters)
    {
        _valence = valence;
        _boosters = boosters;
    }

    public static ValenceScorer Default { get; } = Load();

    public int LexiconSize => _valence.Count;

    private static ValenceScorer Load()
    {
        var valence = new Dictionary<ulong, float>();
        foreach (var resource in new[] { "emotions/valence.tsv", "emotions/valence-support.tsv" })
        {
            foreach (var (_, fields) in EmbeddedText.ReadTsv(resource))
            {
                valence[TextHash.Of(fields[0])] = float.Parse(fields[1], CultureInfo.InvariantCulture);
            }
        }

        var boosters = new Dictionary<ulong, float>();
        foreach (var (_, fields) in EmbeddedText.ReadTsv("emotions/boosters.tsv"))
        {
            boosters[TextHash.Of(fields[0])] = float.Parse(fields[1], CultureInfo.InvariantCulture);
        }

        return new ValenceScorer(valence.ToFrozenDictionary(), boosters.ToFrozenDictionary());
    }

    /// <summary>The degree word's scalar: positive for boosters ("extremely"), negative for dampeners ("slightly"), else 0.</summary>
    public float BoosterScalar(ulong hash) => _boosters.GetValueOrDefault(hash);

    public float ValenceOf(ulong hash) => _valence.GetValueOrDefault(hash);

    /// <summary>The compound valence of the text in [-1, 1] (0 when no lexicon word occurs).</summary>
    public float Score(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        var mixedCase = HasMixedCase(tokens);
        var contrastAt = -1;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Hash == ButHash || tokens[i].Hash == HoweverHash)
            {
                contrastAt = i;
            }
        }

        float sum = 0;
        var exclamations = 0;
        var questions = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Punctuation)
            {
                var slice = token.Slice(text);
                exclamations += slice.Count('!');
                questions += slice.Count('?');
                continue;
            }

            if (_boosters.ContainsKey(token.Hash) || !_valence.TryGetValue(token.Hash, out var v))
            {
                continue;
            }

            if (token.IsAllCaps && mixedCase)
            {
                v += v > 0 ? CapsEmphasis : -CapsEmphasis;
            }

            var decay = 1f;
            var negated = false;
            for (var back = 1; back <= 3 && i - back >= 0; back++)
            {
                var previous = tokens[i - back];
                if (previous.Kind == TokenKind.Punctuation && text[previous.Start] is '.' or '!' or '?' or ';')
                {
                    break;
                }

                if (_boosters.TryGetValue(previous.Hash, out var boost))
                {
                    if (previous.IsAllCaps && mixedCase)
                    {
                        boost += boost > 0 ? CapsEmphasis : -CapsEmphasis;
                    }

                    v += (v > 0 ? boost : -boost) * decay;
                }

                negated |= Negation.IsNegator(previous.Hash);
                decay -= 0.05f;
            }

            if (negated)
            {
                v *= NegationScalar;
            }

            if (contrastAt >= 0)
            {
                v *= i < contrastAt ? 0.5f : i > contrastAt ? 1.5f : 1f;
            }

            sum += v;
        }

        if (sum != 0)
        {
            var emphasis = (Math.Min(exclamations, 4) * 0.292f) + (questions > 1 ? Math.Min(questions * 0.18f, 0.96f) : 0f);
            sum += sum > 0 ? emphasis : -emphasis;
        }

        var compound = sum / MathF.Sqrt((sum * sum) + Normaliser);
        return Math.Clamp(compound, -1f, 1f);
    }

    private static bool HasMixedCase(ReadOnlySpan<Token> tokens)
    {
        var caps = 0;
        var words = 0;
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Word)
            {
                words++;
                if (token.IsAllCaps)
                {
                    caps++;
                }
            }
        }

        return caps > 0 && caps < words;
    }
}
