namespace Rapport.Core.Emotions;

/// <summary>The support labels and the reading's dimensions: intensity and escalation risk.</summary>
internal static class ReadingDimensions
{
    public static SupportEmotion[] SupportLabels(double[] scores)
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

    public static double Intensity(double[] scores, SupportEmotion[] labels, double valence, TextShape shape)
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

    public static double EscalationRisk(double[] scores, double ruleRisk, double valence, TextShape shape)
    {
        var risk = ruleRisk;
        risk = Probability.NoisyOr(risk, 0.6 * Relu(scores[(int)SupportEmotion.Anger]));
        risk = Probability.NoisyOr(risk, 0.45 * Relu(scores[(int)SupportEmotion.Frustration]));
        risk = Probability.NoisyOr(risk, 0.4 * Relu(scores[(int)SupportEmotion.Impatience]));
        risk = Probability.NoisyOr(risk, 0.25 * Relu(scores[(int)SupportEmotion.Disappointment]));
        risk = Probability.NoisyOr(risk, 0.1 * Relu(scores[(int)SupportEmotion.Worry]));
        risk = Probability.NoisyOr(risk, 0.2 * Math.Max(0, -valence));
        if (shape.ExclamationRun && valence < 0)
        {
            risk = Probability.NoisyOr(risk, 0.1);
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
}
