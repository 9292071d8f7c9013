using Rapport.Core.Emotions.Model;

namespace Rapport.Core.Emotions;

/// <summary>Where each scheme's outputs sit in the trained model (see tools/Rapport.Training).</summary>
internal sealed class EmotionModelOutputs
{
    public EmotionModelOutputs(LinearModel model)
    {
        Model = model;
        GoEmotions = [.. Enumerable.Range(0, model.Labels.Count).Where(i => model.Labels[i].StartsWith("go:", StringComparison.Ordinal))];
        GoEmotionNames = [.. GoEmotions.Select(i => model.Labels[i][3..])];
        Ekman = [.. Enum.GetValues<EkmanEmotion>().Select(e => model.IndexOf("ekman:" + e.Name()))];
        Sentiment = [.. Enum.GetValues<Sentiment>().Select(s => model.IndexOf("sentiment:" + s.Name()))];
        Support = [.. Enum.GetValues<SupportEmotion>().Select(e => e == SupportEmotion.Impatience ? -1 : model.IndexOf("support:" + e.Name()))];
    }

    public LinearModel Model { get; }

    public int[] GoEmotions { get; }

    public string[] GoEmotionNames { get; }

    /// <summary>Model output per <see cref="EkmanEmotion"/>.</summary>
    public int[] Ekman { get; }

    /// <summary>Model output per <see cref="Emotions.Sentiment"/>.</summary>
    public int[] Sentiment { get; }

    /// <summary>Model output per <see cref="SupportEmotion"/>; -1 for impatience, which only rules read.</summary>
    public int[] Support { get; }

    /// <summary>
    /// Maps a probability to [0, 1] so that the output's tuned threshold lands on 0.5: every score then shares one
    /// decision threshold, and scores of different outputs are comparable.
    /// </summary>
    public double Calibrated(int output, float logit)
    {
        var p = LinearModel.Sigmoid(logit);
        var t = Model.Thresholds[output];
        return p < t ? 0.5 * p / t : 0.5 + (0.5 * (p - t) / (1 - t));
    }
}
