using System.Buffers;
using Rapport.Core.Emotions.Cues;
using Rapport.Core.Emotions.Model;
using Rapport.Core.Language;
using Rapport.Core.Text;

namespace Rapport.Core.Emotions;

/// <summary>
/// Reads the emotions in a customer's message: a logistic model trained on GoEmotions (docs/data.md) fused with
/// support-desk cue rules (repeat contact, waiting, threats to leave, sarcasm, shouting) and VADER-style valence.
/// Pure and thread-safe: all data is loaded once, and analysis touches no shared mutable state.
/// </summary>
public sealed class EmotionAnalyzer
{
    /// <summary>Texts longer than this many characters are read up to this limit (<see cref="EmotionReading.Truncated"/>).</summary>
    public const int MaxAnalyzedLength = 32_768;

    /// <summary>Bumped whenever readings of the same text can change (model, lexicons or rules).</summary>
    public const string Version = "2026.11.1";

    private const int StackTokens = 256;

    // Valence blends VADER-style lexical valence with the model's sentiment; 0.5 maximised the mean correlation on
    // VADER's movie, Amazon and NYT snippets (docs/benchmarks.md).
    private const double LexicalWeight = 0.5;

    /// <summary>The trained valence head's share of valence, chosen by tools/Rapport.Training on out-of-fold predictions.</summary>
    internal const double ValenceHeadWeight = 0.5;

    private static readonly Lazy<EmotionAnalyzer> LazyDefault = new(() => new EmotionAnalyzer(withValenceHead: true));

    // Cue matches hold references, so they cannot live on the stack; one buffer per thread keeps Analyze thread-safe.
    [ThreadStatic]
    private static CueMatch[]? _cueBuffer;

    private readonly EmotionModelOutputs _outputs;
    private readonly CueLexicon _cues;
    private readonly ValenceScorer _valence;
    private readonly LanguageDetector _languages;

    private readonly LinearModel? _valenceHead;

    private EmotionAnalyzer(bool withValenceHead)
    {
        using var stream = EmbeddedText.Open("emotions/goemotions.model.gz");
        _outputs = new EmotionModelOutputs(LinearModel.Read(stream));
        _cues = CueLexicon.Default;
        _valence = ValenceScorer.Default;
        _languages = LanguageDetector.Default;
        if (withValenceHead && EmbeddedText.Exists("emotions/valence.model.gz"))
        {
            using var head = EmbeddedText.Open("emotions/valence.model.gz");
            _valenceHead = LinearModel.Read(head);
        }
    }

    /// <summary>An analyzer without the trained valence head: what tools/Rapport.Training fits the head against.</summary>
    internal static EmotionAnalyzer WithoutValenceHead() => new(withValenceHead: false);

    /// <summary>The shared analyzer (its data loads on first use).</summary>
    public static EmotionAnalyzer Default => LazyDefault.Value;

    /// <summary>Reads the emotions in <paramref name="text"/>.</summary>
    public EmotionReading Analyze(ReadOnlySpan<char> text)
    {
        var truncated = text.Length > MaxAnalyzedLength;
        if (truncated)
        {
            text = text[..MaxAnalyzedLength];
        }

        var language = _languages.Detect(text);
        if (language.Code is not "en" and not "und" && language.Confidence >= 0.5)
        {
            return NotAnalyzed(language, truncated);
        }

        var maxTokens = Tokenizer.MaxTokens(text.Length);
        Token[]? rentedTokens = null;
        Feature[]? rentedFeatures = null;
        int[]? rentedInts = null;
        try
        {
            var tokens = maxTokens <= StackTokens ? stackalloc Token[StackTokens] : (rentedTokens = ArrayPool<Token>.Shared.Rent(maxTokens));
            var tokenCount = Tokenizer.Tokenize(text, tokens);
            var maxFeatures = FeatureExtractor.MaxFeatures(tokenCount);
            var features = maxFeatures <= StackTokens * 3 ? stackalloc Feature[StackTokens * 3] : (rentedFeatures = ArrayPool<Feature>.Shared.Rent(maxFeatures));
            var scratch = maxFeatures <= StackTokens * 3 ? stackalloc int[StackTokens * 3] : (rentedInts = ArrayPool<int>.Shared.Rent(maxFeatures));
            return Read(text, tokens[..tokenCount], features, scratch, language, truncated);
        }
        finally
        {
            if (rentedTokens is not null)
            {
                ArrayPool<Token>.Shared.Return(rentedTokens);
            }

            if (rentedFeatures is not null)
            {
                ArrayPool<Feature>.Shared.Return(rentedFeatures);
            }

            if (rentedInts is not null)
            {
                ArrayPool<int>.Shared.Return(rentedInts);
            }
        }
    }

    /// <summary>Reads the emotions in <paramref name="text"/>.</summary>
    public EmotionReading Analyze(string text) => Analyze(text.AsSpan());

    private EmotionReading Read(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<Feature> featureBuffer, Span<int> scratch, LanguageGuess language, bool truncated)
    {
        // 1. The model: logits for every output, and each feature's weight row for evidence.
        var featureCount = FeatureExtractor.Extract(text, tokens, featureBuffer);
        var features = featureBuffer[..featureCount];
        var rows = scratch[..featureCount];
        Span<float> logits = stackalloc float[_outputs.Model.Labels.Count];
        _outputs.Model.Score(features, logits, rows);

        // 2. The cue rules.
        var cueBuffer = _cueBuffer ??= new CueMatch[64];
        var words = tokens.Length <= StackTokens ? stackalloc int[StackTokens] : new int[tokens.Length];
        ReadOnlySpan<CueMatch> cues = cueBuffer.AsSpan(0, _cues.Match(tokens, words, cueBuffer));
        var shape = TextShape.Of(text, tokens);

        // 3. Fuse: the model's calibrated score, noisy-or with every rule that speaks for the emotion.
        var scores = new double[EmotionScores.Count];
        var ruleStrength = new double[EmotionScores.Count];
        double ruleRisk = 0;
        var suppressPositive = false;
        for (var e = 0; e < EmotionScores.Count; e++)
        {
            var output = _outputs.Support[e];
            scores[e] = output < 0 ? 0 : _outputs.Calibrated(output, logits[output]);
        }

        foreach (var cue in cues)
        {
            for (var e = 0; e < EmotionScores.Count; e++)
            {
                ruleStrength[e] = Probability.NoisyOr(ruleStrength[e], cue.Pattern.Effects[e]);
            }

            ruleRisk = Probability.NoisyOr(ruleRisk, cue.Pattern.Risk);
            suppressPositive |= cue.Pattern.Suppress;
        }

        var lexicalValence = _valence.Score(text, tokens);
        ApplyShape(shape, ruleStrength, lexicalValence < -0.05, ref ruleRisk);
        for (var e = 0; e < (int)SupportEmotion.Neutral; e++)
        {
            scores[e] = Probability.NoisyOr(scores[e], ruleStrength[e]);
        }

        var contrast = ApplyContrast(text, tokens, cues, scores);

        // A clear complaint with no positive cue: the model's positive readings ("works", "great") are likely misread.
        var complaint = Math.Max(Math.Max(ruleStrength[(int)SupportEmotion.Frustration], ruleStrength[(int)SupportEmotion.Impatience]),
            Math.Max(ruleStrength[(int)SupportEmotion.Anger], ruleStrength[(int)SupportEmotion.Disappointment]));
        var positiveFactor = suppressPositive || contrast ? 0.2 : 1.0;
        if (complaint >= 0.6 && ruleStrength[(int)SupportEmotion.Gratitude] < 0.3 && ruleStrength[(int)SupportEmotion.Relief] < 0.3)
        {
            scores[(int)SupportEmotion.Gratitude] *= 0.6;
            scores[(int)SupportEmotion.Relief] *= 0.6;
            positiveFactor = Math.Min(positiveFactor, 0.6);
        }

        if (suppressPositive)
        {
            scores[(int)SupportEmotion.Gratitude] *= 0.2;
            scores[(int)SupportEmotion.Relief] *= 0.2;
        }

        var strongestRule = 0.0;
        for (var e = 0; e < (int)SupportEmotion.Neutral; e++)
        {
            strongestRule = Math.Max(strongestRule, ruleStrength[e]);
        }

        scores[(int)SupportEmotion.Neutral] *= 1 - strongestRule;

        // 4. Labels, valence, intensity, risk.
        var labels = ReadingDimensions.SupportLabels(scores);
        var modelSentiment = LinearModel.Sigmoid(logits[_outputs.Sentiment[(int)Emotions.Sentiment.Positive]])
            - LinearModel.Sigmoid(logits[_outputs.Sentiment[(int)Emotions.Sentiment.Negative]]);
        var valence = (LexicalWeight * lexicalValence) + ((1 - LexicalWeight) * modelSentiment);
        if (_valenceHead is not null)
        {
            // The head was fitted to human valence ratings of review snippets (docs/data.md); it refines, not replaces,
            // and the support-desk adjustments below still apply after it.
            Span<float> head = stackalloc float[1];
            _valenceHead.Score(features, head);
            valence = ((1 - ValenceHeadWeight) * valence) + (ValenceHeadWeight * Math.Tanh(head[0]));
        }

        // Degree words scale what is said: "extremely bad" is worse than "bad", "slightly bad" milder.
        valence *= 1 + (0.15 * Math.Clamp(shape.Degree, -2, 2));

        // Complaints the valence lexicon cannot see ("third time", "no one is responding") pull valence down.
        valence -= 0.3 * SchemeReading.Strong(complaint);
        if (contrast)
        {
            valence = Math.Min(valence, (0.4 * valence) - 0.3);
        }

        valence = suppressPositive ? Math.Min(valence, -0.4) : Math.Clamp(valence, -1, 1);

        var intensity = ReadingDimensions.Intensity(scores, labels, valence, shape);
        var risk = ReadingDimensions.EscalationRisk(scores, ruleRisk, valence, shape);

        return new EmotionReading
        {
            Language = language.Code,
            LanguageConfidence = language.Confidence,
            Analyzed = true,
            Labels = labels,
            Scores = new EmotionScores(scores),
            Ekman = SchemeReading.EkmanLabels(_outputs, logits, ruleStrength, positiveFactor),
            Sentiment = SchemeReading.SentimentLabels(_outputs, logits, ruleStrength, valence, positiveFactor),
            GoEmotions = SchemeReading.GoEmotionLabels(_outputs, logits),
            Valence = Math.Round(valence, 4),
            Intensity = Math.Round(intensity, 4),
            EscalationRisk = Math.Round(risk, 4),
            Evidence = EvidenceCollector.CollectEvidence(_outputs, tokens, features, rows, labels, cues, shape),
            Signals = EvidenceCollector.Signals(cues, shape, suppressPositive, contrast),
            Truncated = truncated,
        };
    }

    private static void ApplyShape(TextShape shape, double[] ruleStrength, bool negative, ref double ruleRisk)
    {
        // "!!!" amplifies a complaint: the model alone reads it as excitement.
        negative |= ruleStrength[(int)SupportEmotion.Frustration] >= 0.3 || ruleStrength[(int)SupportEmotion.Anger] >= 0.3;
        if (shape.ExclamationRun && negative)
        {
            ruleStrength[(int)SupportEmotion.Frustration] = Probability.NoisyOr(ruleStrength[(int)SupportEmotion.Frustration], 0.3);
            ruleStrength[(int)SupportEmotion.Anger] = Probability.NoisyOr(ruleStrength[(int)SupportEmotion.Anger], 0.2);
        }

        if (shape.Shouting)
        {
            ruleStrength[(int)SupportEmotion.Anger] = Probability.NoisyOr(ruleStrength[(int)SupportEmotion.Anger], shape.AllShouting ? 0.5 : 0.35);
            ruleStrength[(int)SupportEmotion.Frustration] = Probability.NoisyOr(ruleStrength[(int)SupportEmotion.Frustration], 0.3);
            ruleRisk = Probability.NoisyOr(ruleRisk, 0.2);
        }

        if (shape.ExclamationRun)
        {
            ruleRisk = Probability.NoisyOr(ruleRisk, 0.05);
        }

        if (shape.QuestionRun)
        {
            ruleStrength[(int)SupportEmotion.Impatience] = Probability.NoisyOr(ruleStrength[(int)SupportEmotion.Impatience], 0.3);
            ruleStrength[(int)SupportEmotion.Frustration] = Probability.NoisyOr(ruleStrength[(int)SupportEmotion.Frustration], 0.25);
        }
    }

    /// <summary>"Thanks, but this is the third time": gratitude before a contrast yields to the complaint after it.</summary>
    private static bool ApplyContrast(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<CueMatch> cues, double[] scores)
    {
        var contrastAt = TextShape.ContrastPosition(text, tokens);
        if (contrastAt < 0)
        {
            return false;
        }

        var positiveBefore = false;
        var negativeAfter = false;
        foreach (var cue in cues)
        {
            var positive = cue.Pattern.Effect(SupportEmotion.Gratitude) + cue.Pattern.Effect(SupportEmotion.Relief);
            var negative = cue.Pattern.Effect(SupportEmotion.Frustration) + cue.Pattern.Effect(SupportEmotion.Impatience)
                + cue.Pattern.Effect(SupportEmotion.Anger) + cue.Pattern.Effect(SupportEmotion.Disappointment);
            positiveBefore |= cue.End <= contrastAt && positive > 0;
            negativeAfter |= cue.Start >= contrastAt && negative > 0;
        }

        if (!(positiveBefore && negativeAfter))
        {
            return false;
        }

        scores[(int)SupportEmotion.Gratitude] *= 0.4;
        scores[(int)SupportEmotion.Relief] *= 0.4;
        scores[(int)SupportEmotion.Frustration] = Probability.NoisyOr(scores[(int)SupportEmotion.Frustration], 0.3);
        return true;
    }

    private static EmotionReading NotAnalyzed(LanguageGuess language, bool truncated) => new()
    {
        Language = language.Code,
        LanguageConfidence = language.Confidence,
        Analyzed = false,
        Labels = [],
        Scores = new EmotionScores(new double[EmotionScores.Count]),
        Ekman = [],
        Sentiment = [],
        GoEmotions = [],
        Valence = 0,
        Intensity = 0,
        EscalationRisk = 0,
        Evidence = [],
        Signals = ["not-english"],
        Truncated = truncated,
    };
}
