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
    private const int MaxEvidencePerLabel = 4;

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
                ruleStrength[e] = NoisyOr(ruleStrength[e], cue.Pattern.Effects[e]);
            }

            ruleRisk = NoisyOr(ruleRisk, cue.Pattern.Risk);
            suppressPositive |= cue.Pattern.Suppress;
        }

        var lexicalValence = _valence.Score(text, tokens);
        ApplyShape(shape, ruleStrength, lexicalValence < -0.05, ref ruleRisk);
        for (var e = 0; e < (int)SupportEmotion.Neutral; e++)
        {
            scores[e] = NoisyOr(scores[e], ruleStrength[e]);
        }

        var contrast = ApplyContrast(text, tokens, cues, scores);

        // A clear complaint with no positive cue: the model's positive readings ("works", "great") are likely misread.
        var complaint = Math.Max(Math.Max(ruleStrength[(int)SupportEmotion.Frustration], ruleStrength[(int)SupportEmotion.Impatience]),
            Math.Max(ruleStrength[(int)SupportEmotion.Anger], ruleStrength[(int)SupportEmotion.Disappointment]));
        if (complaint >= 0.6 && ruleStrength[(int)SupportEmotion.Gratitude] < 0.3 && ruleStrength[(int)SupportEmotion.Relief] < 0.3)
        {
            scores[(int)SupportEmotion.Gratitude] *= 0.6;
            scores[(int)SupportEmotion.Relief] *= 0.6;
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
        var labels = SupportLabels(scores);
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
        valence -= 0.3 * Strong(complaint);
        if (contrast)
        {
            valence = Math.Min(valence, (0.4 * valence) - 0.3);
        }

        valence = suppressPositive ? Math.Min(valence, -0.4) : Math.Clamp(valence, -1, 1);

        var intensity = Intensity(scores, labels, valence, shape);
        var risk = EscalationRisk(scores, ruleRisk, valence, shape);

        return new EmotionReading
        {
            Language = language.Code is "und" && tokens.Length > 0 ? "und" : language.Code,
            LanguageConfidence = language.Confidence,
            Analyzed = true,
            Labels = labels,
            Scores = new EmotionScores(scores),
            Ekman = EkmanLabels(logits, ruleStrength, suppressPositive || contrast),
            Sentiment = SentimentLabels(logits, ruleStrength, valence, suppressPositive || contrast),
            GoEmotions = GoEmotionLabels(logits),
            Valence = Math.Round(valence, 4),
            Intensity = Math.Round(intensity, 4),
            EscalationRisk = Math.Round(risk, 4),
            Evidence = CollectEvidence(tokens, features, rows, labels, cues, shape),
            Signals = Signals(cues, shape, suppressPositive, contrast),
            Truncated = truncated,
        };
    }

    private static double NoisyOr(double a, double b) => 1 - ((1 - a) * (1 - b));

    private static void ApplyShape(TextShape shape, double[] ruleStrength, bool negative, ref double ruleRisk)
    {
        // "!!!" amplifies a complaint: the model alone reads it as excitement.
        negative |= ruleStrength[(int)SupportEmotion.Frustration] >= 0.3 || ruleStrength[(int)SupportEmotion.Anger] >= 0.3;
        if (shape.ExclamationRun && negative)
        {
            ruleStrength[(int)SupportEmotion.Frustration] = NoisyOr(ruleStrength[(int)SupportEmotion.Frustration], 0.3);
            ruleStrength[(int)SupportEmotion.Anger] = NoisyOr(ruleStrength[(int)SupportEmotion.Anger], 0.2);
        }

        if (shape.Shouting)
        {
            ruleStrength[(int)SupportEmotion.Anger] = NoisyOr(ruleStrength[(int)SupportEmotion.Anger], shape.AllShouting ? 0.5 : 0.35);
            ruleStrength[(int)SupportEmotion.Frustration] = NoisyOr(ruleStrength[(int)SupportEmotion.Frustration], 0.3);
            ruleRisk = NoisyOr(ruleRisk, 0.2);
        }

        if (shape.ExclamationRun)
        {
            ruleRisk = NoisyOr(ruleRisk, 0.05);
        }

        if (shape.QuestionRun)
        {
            ruleStrength[(int)SupportEmotion.Impatience] = NoisyOr(ruleStrength[(int)SupportEmotion.Impatience], 0.3);
            ruleStrength[(int)SupportEmotion.Frustration] = NoisyOr(ruleStrength[(int)SupportEmotion.Frustration], 0.25);
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
        scores[(int)SupportEmotion.Frustration] = NoisyOr(scores[(int)SupportEmotion.Frustration], 0.3);
        return true;
    }

    private static SupportEmotion[] SupportLabels(double[] scores)
    {
        var count = 0;
        for (var e = 0; e < (int)SupportEmotion.Neutral; e++)
        {
            if (scores[e] >= 0.5)
            {
                count++;
            }
        }

        if (count == 0)
        {
            return [SupportEmotion.Neutral];
        }

        var labels = new SupportEmotion[count];
        var k = 0;
        for (var e = 0; e < (int)SupportEmotion.Neutral; e++)
        {
            if (scores[e] >= 0.5)
            {
                labels[k++] = (SupportEmotion)e;
            }
        }

        // Strongest first.
        Array.Sort(labels, (a, b) => scores[(int)b].CompareTo(scores[(int)a]));
        return labels;
    }

    private EkmanEmotion[] EkmanLabels(ReadOnlySpan<float> logits, double[] rules, bool suppressPositive)
    {
        Span<double> scores = stackalloc double[7];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = _outputs.Calibrated(_outputs.Ekman[i], logits[_outputs.Ekman[i]]);
        }

        // Only strong rule evidence moves the Ekman reading: support cues map onto the nearest basic emotion.
        scores[(int)EkmanEmotion.Anger] = NoisyOr(scores[(int)EkmanEmotion.Anger], Strong(Math.Max(rules[(int)SupportEmotion.Anger], Math.Max(rules[(int)SupportEmotion.Frustration], rules[(int)SupportEmotion.Impatience]))));
        scores[(int)EkmanEmotion.Fear] = NoisyOr(scores[(int)EkmanEmotion.Fear], Strong(rules[(int)SupportEmotion.Worry]));
        scores[(int)EkmanEmotion.Sadness] = NoisyOr(scores[(int)EkmanEmotion.Sadness], Strong(rules[(int)SupportEmotion.Disappointment]));
        scores[(int)EkmanEmotion.Surprise] = NoisyOr(scores[(int)EkmanEmotion.Surprise], Strong(rules[(int)SupportEmotion.Confusion]));
        scores[(int)EkmanEmotion.Joy] = suppressPositive ? scores[(int)EkmanEmotion.Joy] * 0.2
            : NoisyOr(scores[(int)EkmanEmotion.Joy], Strong(Math.Max(rules[(int)SupportEmotion.Gratitude], rules[(int)SupportEmotion.Relief])));
        return Decide<EkmanEmotion>(scores, (int)EkmanEmotion.Neutral);
    }

    private Sentiment[] SentimentLabels(ReadOnlySpan<float> logits, double[] rules, double valence, bool suppressPositive)
    {
        Span<double> scores = stackalloc double[4];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = _outputs.Calibrated(_outputs.Sentiment[i], logits[_outputs.Sentiment[i]]);
        }

        var negativeRules = Math.Max(Math.Max(rules[(int)SupportEmotion.Anger], rules[(int)SupportEmotion.Frustration]),
            Math.Max(rules[(int)SupportEmotion.Disappointment], Math.Max(rules[(int)SupportEmotion.Worry], rules[(int)SupportEmotion.Impatience])));
        scores[(int)Emotions.Sentiment.Negative] = NoisyOr(scores[(int)Emotions.Sentiment.Negative], Strong(negativeRules));
        scores[(int)Emotions.Sentiment.Positive] = suppressPositive ? scores[(int)Emotions.Sentiment.Positive] * 0.2
            : NoisyOr(scores[(int)Emotions.Sentiment.Positive], Strong(Math.Max(rules[(int)SupportEmotion.Gratitude], rules[(int)SupportEmotion.Relief])));
        if (valence <= -0.5)
        {
            scores[(int)Emotions.Sentiment.Negative] = NoisyOr(scores[(int)Emotions.Sentiment.Negative], 0.2);
        }

        return Decide<Sentiment>(scores, (int)Emotions.Sentiment.Neutral);
    }

    /// <summary>
    /// Only strong rule evidence moves the Ekman and sentiment readings; 0.7 (rather than 0.5) keeps weak support cues
    /// from adding false anger to general text (GoEmotions dev Ekman macro-F1 0.574 at 0.5, 0.583 at 0.7).
    /// </summary>
    private static double Strong(double rule) => rule >= 0.7 ? rule : 0;

    /// <summary>Labels at or above 0.5; neutral only when alone; the best-scoring label when none reaches 0.5.</summary>
    private static T[] Decide<T>(ReadOnlySpan<double> scores, int neutral)
        where T : struct, Enum
    {
        var count = 0;
        var best = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] >= 0.5 && i != neutral)
            {
                count++;
            }

            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        if (count == 0)
        {
            return [(T)(object)best];
        }

        var labels = new T[count];
        var k = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] >= 0.5 && i != neutral)
            {
                labels[k++] = (T)(object)i;
            }
        }

        return labels;
    }

    private string[] GoEmotionLabels(ReadOnlySpan<float> logits)
    {
        Span<double> scores = stackalloc double[_outputs.GoEmotions.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = _outputs.Calibrated(_outputs.GoEmotions[i], logits[_outputs.GoEmotions[i]]);
        }

        var count = 0;
        var best = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            count += scores[i] >= 0.5 ? 1 : 0;
            best = scores[i] > scores[best] ? i : best;
        }

        if (count == 0)
        {
            return [_outputs.GoEmotionNames[best]];
        }

        var labels = new string[count];
        var k = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] >= 0.5)
            {
                labels[k++] = _outputs.GoEmotionNames[i];
            }
        }

        return labels;
    }

    private static double Intensity(double[] scores, SupportEmotion[] labels, double valence, TextShape shape)
    {
        var strongest = 0.0;
        if (labels[0] != SupportEmotion.Neutral)
        {
            foreach (var label in labels)
            {
                strongest = Math.Max(strongest, scores[(int)label]);
            }
        }

        var intensity = (0.55 * strongest) + (0.25 * Math.Abs(valence))
            + (shape.Shouting ? 0.12 : 0) + (0.04 * Math.Min(shape.Exclamations, 3)) + (shape.Boosted ? 0.05 : 0);
        return Math.Clamp(intensity, 0, 1);
    }

    private static double EscalationRisk(double[] scores, double ruleRisk, double valence, TextShape shape)
    {
        var risk = ruleRisk;
        risk = NoisyOr(risk, 0.6 * Relu(scores[(int)SupportEmotion.Anger]));
        risk = NoisyOr(risk, 0.45 * Relu(scores[(int)SupportEmotion.Frustration]));
        risk = NoisyOr(risk, 0.4 * Relu(scores[(int)SupportEmotion.Impatience]));
        risk = NoisyOr(risk, 0.25 * Relu(scores[(int)SupportEmotion.Disappointment]));
        risk = NoisyOr(risk, 0.1 * Relu(scores[(int)SupportEmotion.Worry]));
        risk = NoisyOr(risk, 0.2 * Math.Max(0, -valence));
        if (shape.ExclamationRun && valence < 0)
        {
            risk = NoisyOr(risk, 0.1);
        }

        var positive = Math.Max(scores[(int)SupportEmotion.Gratitude], scores[(int)SupportEmotion.Relief]);
        if (positive >= 0.5 && ruleRisk == 0 && valence > 0)
        {
            risk *= 0.5;
        }

        return Math.Clamp(risk, 0, 1);

        // Scores below the decision threshold barely count towards risk.
        static double Relu(double score) => score < 0.35 ? score * 0.3 : score;
    }

    private List<EmotionEvidence> CollectEvidence(ReadOnlySpan<Token> tokens, ReadOnlySpan<Feature> features, ReadOnlySpan<int> rows, SupportEmotion[] labels, ReadOnlySpan<CueMatch> cues, TextShape shape)
    {
        var evidence = new List<EmotionEvidence>();
        Span<(float Weight, int Feature)> top = stackalloc (float, int)[MaxEvidencePerLabel];
        foreach (var label in labels)
        {
            if (label == SupportEmotion.Neutral)
            {
                continue;
            }

            var before = evidence.Count;
            foreach (var cue in cues)
            {
                if (cue.Pattern.Effect(label) >= 0.3 && evidence.Count - before < MaxEvidencePerLabel)
                {
                    AddUnique(evidence, new EmotionEvidence(label, cue.Start..cue.End, CueName(cue.Pattern.Signal)));
                }
            }

            if (label == SupportEmotion.Anger && shape.Shouting)
            {
                foreach (var token in tokens)
                {
                    if (token.Kind == TokenKind.Word && token.IsAllCaps && token.Length > 2 && evidence.Count - before < MaxEvidencePerLabel)
                    {
                        AddUnique(evidence, new EmotionEvidence(label, token.Range, "shouting"));
                    }
                }
            }

            var output = _outputs.Support[(int)label];
            if (output < 0)
            {
                continue;
            }

            // The model's strongest unigram contributions, strongest first.
            var found = 0;
            for (var f = 0; f < features.Length; f++)
            {
                var feature = features[f];
                if (rows[f] < 0 || feature.FirstToken < 0 || feature.FirstToken != feature.LastToken)
                {
                    continue;
                }

                var weight = _outputs.Model.Contribution(rows[f], output);
                if (weight < 1.5f)
                {
                    continue;
                }

                if (found < top.Length)
                {
                    top[found++] = (weight, f);
                }
                else
                {
                    var weakest = 0;
                    for (var k = 1; k < top.Length; k++)
                    {
                        weakest = top[k].Weight < top[weakest].Weight ? k : weakest;
                    }

                    if (weight > top[weakest].Weight)
                    {
                        top[weakest] = (weight, f);
                    }
                }
            }

            top[..found].Sort((a, b) => b.Weight.CompareTo(a.Weight));
            for (var k = 0; k < found && evidence.Count - before < MaxEvidencePerLabel; k++)
            {
                var token = tokens[features[top[k].Feature].FirstToken];
                AddUnique(evidence, new EmotionEvidence(label, token.Start..token.End, "word"));
            }
        }

        return evidence;
    }

    private static void AddUnique(List<EmotionEvidence> evidence, EmotionEvidence item)
    {
        foreach (var existing in evidence)
        {
            if (existing.Emotion == item.Emotion && existing.Range.Start.Value < item.Range.End.Value && item.Range.Start.Value < existing.Range.End.Value)
            {
                return;
            }
        }

        evidence.Add(item);
    }

    private static string CueName(string signal) => signal.Replace('-', ' ');

    private static List<string> Signals(ReadOnlySpan<CueMatch> cues, TextShape shape, bool sarcasm, bool contrast)
    {
        var signals = new List<string>();
        foreach (var cue in cues)
        {
            var signal = cue.Pattern.Signal;
            if (signal is not "emotion-word" and not "sarcasm-candidate" && !signals.Contains(signal))
            {
                signals.Add(signal);
            }
        }

        if (sarcasm && !signals.Contains("sarcasm"))
        {
            signals.Add("sarcasm");
        }

        if (contrast)
        {
            signals.Add("contrast");
        }

        if (shape.Shouting)
        {
            signals.Add("shouting");
        }

        if (shape.ExclamationRun)
        {
            signals.Add("exclamations");
        }

        if (shape.QuestionRun)
        {
            signals.Add("repeated-questions");
        }

        return signals;
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
