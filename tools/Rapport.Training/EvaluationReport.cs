using Rapport.Core.Emotions.Model;

namespace Rapport.Training;

/// <summary>Prints macro-F1 per output group of a model on a labelled split, using the model's own thresholds.</summary>
internal static class EvaluationReport
{
    public static void Print(LinearModel model, GoEmotionsCorpus corpus, List<GoEmotionsExample> examples, string name)
    {
        var targetsOf = corpus.Outputs().Targets;
        var labelCount = model.Labels.Count;
        var tp = new int[labelCount];
        var fp = new int[labelCount];
        var fn = new int[labelCount];
        var logits = new float[labelCount];
        foreach (var example in examples)
        {
            var hashes = EmotionModelTrainer.Featurize(example.Text);
            var features = hashes.Select(h => new Feature(h, 0, 0)).ToArray();
            model.Score(features, logits, new int[features.Length]);
            var gold = targetsOf(example.LabelIds);
            foreach (var group in new[] { "go:", "ekman:", "sentiment:", "support:" })
            {
                var predicted = Decide(model, logits, group);
                for (var l = 0; l < labelCount; l++)
                {
                    if (!model.Labels[l].StartsWith(group, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (predicted[l] && gold[l])
                    {
                        tp[l]++;
                    }
                    else if (predicted[l])
                    {
                        fp[l]++;
                    }
                    else if (gold[l])
                    {
                        fn[l]++;
                    }
                }
            }
        }

        foreach (var group in new[] { "go:", "ekman:", "sentiment:", "support:" })
        {
            var f1s = new List<double>();
            for (var l = 0; l < labelCount; l++)
            {
                if (model.Labels[l].StartsWith(group, StringComparison.Ordinal))
                {
                    var f1 = tp[l] == 0 ? 0 : 2.0 * tp[l] / ((2.0 * tp[l]) + fp[l] + fn[l]);
                    f1s.Add(f1);
                    Console.WriteLine($"  {model.Labels[l],-28} F1 {f1:F3}  (tp {tp[l]}, fp {fp[l]}, fn {fn[l]}, threshold {model.Thresholds[l]:F2})");
                }
            }

            Console.WriteLine($"{name} {group} macro-F1 {f1s.Average():F3}");
        }
    }

    /// <summary>Labels above their threshold; if none in the group, the one closest to its threshold.</summary>
    internal static bool[] Decide(LinearModel model, float[] logits, string group)
    {
        var predicted = new bool[model.Labels.Count];
        var best = -1;
        var bestRatio = double.MinValue;
        for (var l = 0; l < model.Labels.Count; l++)
        {
            if (!model.Labels[l].StartsWith(group, StringComparison.Ordinal))
            {
                continue;
            }

            var p = LinearModel.Sigmoid(logits[l]);
            predicted[l] = p >= model.Thresholds[l];
            var ratio = p / model.Thresholds[l];
            if (ratio > bestRatio)
            {
                bestRatio = ratio;
                best = l;
            }
        }

        if (best >= 0 && !predicted.Where((_, l) => model.Labels[l].StartsWith(group, StringComparison.Ordinal)).Any(x => x))
        {
            predicted[best] = true;
        }

        return predicted;
    }
}
