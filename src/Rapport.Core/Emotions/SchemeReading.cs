namespace Rapport.Core.Emotions;

/// <summary>
/// The reading in the comparison schemes: Ekman, sentiment and the 28 GoEmotions labels, from the model's heads plus
/// strong support-desk rule evidence mapped onto the nearest basic emotion.
/// </summary>
internal static class SchemeReading
{
    public static EkmanEmotion[] EkmanLabels(EmotionModelOutputs outputs, ReadOnlySpan<float> logits, double[] rules, double positiveFactor)
    {
        Span<double> scores = stackalloc double[7];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = outputs.Calibrated(outputs.Ekman[i], logits[outputs.Ekman[i]]);
        }

        // Only strong rule evidence moves the Ekman reading: support cues map onto the nearest basic emotion.
        scores[(int)EkmanEmotion.Anger] = Probability.NoisyOr(scores[(int)EkmanEmotion.Anger], Strong(Math.Max(rules[(int)SupportEmotion.Anger], Math.Max(rules[(int)SupportEmotion.Frustration], rules[(int)SupportEmotion.Impatience]))));
        scores[(int)EkmanEmotion.Fear] = Probability.NoisyOr(scores[(int)EkmanEmotion.Fear], Strong(rules[(int)SupportEmotion.Worry]));
        scores[(int)EkmanEmotion.Sadness] = Probability.NoisyOr(scores[(int)EkmanEmotion.Sadness], Strong(rules[(int)SupportEmotion.Disappointment]));
        scores[(int)EkmanEmotion.Surprise] = Probability.NoisyOr(scores[(int)EkmanEmotion.Surprise], Strong(rules[(int)SupportEmotion.Confusion]));
        scores[(int)EkmanEmotion.Joy] = positiveFactor < 1 ? scores[(int)EkmanEmotion.Joy] * positiveFactor
            : Probability.NoisyOr(scores[(int)EkmanEmotion.Joy], Strong(Math.Max(rules[(int)SupportEmotion.Gratitude], rules[(int)SupportEmotion.Relief])));
        return Decide<EkmanEmotion>(scores, (int)EkmanEmotion.Neutral);
    }

    public static Sentiment[] SentimentLabels(EmotionModelOutputs outputs, ReadOnlySpan<float> logits, double[] rules, double valence, double positiveFactor)
    {
        Span<double> scores = stackalloc double[4];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = outputs.Calibrated(outputs.Sentiment[i], logits[outputs.Sentiment[i]]);
        }

        var negativeRules = Math.Max(Math.Max(rules[(int)SupportEmotion.Anger], rules[(int)SupportEmotion.Frustration]),
            Math.Max(rules[(int)SupportEmotion.Disappointment], Math.Max(rules[(int)SupportEmotion.Worry], rules[(int)SupportEmotion.Impatience])));
        scores[(int)Sentiment.Negative] = Probability.NoisyOr(scores[(int)Sentiment.Negative], Strong(negativeRules));
        scores[(int)Sentiment.Positive] = positiveFactor < 1 ? scores[(int)Sentiment.Positive] * positiveFactor
            : Probability.NoisyOr(scores[(int)Sentiment.Positive], Strong(Math.Max(rules[(int)SupportEmotion.Gratitude], rules[(int)SupportEmotion.Relief])));
        if (valence <= -0.5)
        {
            scores[(int)Sentiment.Negative] = Probability.NoisyOr(scores[(int)Sentiment.Negative], 0.2);
        }

        return Decide<Sentiment>(scores, (int)Sentiment.Neutral);
    }

    /// <summary>
    /// Only strong rule evidence moves the Ekman and sentiment readings; 0.7 (rather than 0.5) keeps weak support cues
    /// from adding false anger to general text (GoEmotions dev Ekman macro-F1 0.574 at 0.5, 0.583 at 0.7).
    /// </summary>
    public static double Strong(double rule) => rule >= 0.7 ? rule : 0;

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

    public static string[] GoEmotionLabels(EmotionModelOutputs outputs, ReadOnlySpan<float> logits)
    {
        Span<double> scores = stackalloc double[outputs.GoEmotions.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = outputs.Calibrated(outputs.GoEmotions[i], logits[outputs.GoEmotions[i]]);
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
            return [outputs.GoEmotionNames[best]];
        }

        var labels = new string[count];
        var k = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] >= 0.5)
            {
                labels[k++] = outputs.GoEmotionNames[i];
            }
        }

        return labels;
    }
}
