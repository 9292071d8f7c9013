using System.Globalization;
using Rapport.Core.Emotions;
using Rapport.Core.Emotions.Model;

namespace Rapport.Training;

/// <summary>
/// Fits the valence head: a tanh-linear regression over the same sparse features, on the human valence ratings of
/// VADER's movie, Amazon and NYT snippets (MIT). Reports 5-fold out-of-fold correlations per set, picks the head's
/// share of the final valence on them, then trains on all snippets.
/// </summary>
internal sealed class ValenceTrainer(TrainingOptions options)
{
    private static readonly string[] Sets = ["movieReviewSnippets", "amazonReviewSnippets", "nytEditorialSnippets"];

    public LinearModel Train(string vaderFolder)
    {
        var snippets = Sets.SelectMany(set => ReadGroundTruth(Path.Combine(vaderFolder, $"{set}_GroundTruth.txt")).Select(s => (Set: set, s.Text, s.Rating))).ToArray();
        var features = snippets.Select(s => EmotionModelTrainer.Featurize(s.Text)).ToArray();
        var vocabulary = EmotionModelTrainer.BuildVocabulary(features, 2);
        var rows = features.Select(f => (Rows: f.Where(vocabulary.ContainsKey).Select(h => vocabulary[h]).ToArray(), Value: 1f / MathF.Sqrt(Math.Max(1, f.Length)))).ToArray();
        var targets = snippets.Select(s => (float)(s.Rating / 4)).ToArray();
        var analyzer = EmotionAnalyzer.WithoutValenceHead();
        var baseline = snippets.Select(s => analyzer.Analyze(s.Text).Valence).ToArray();
        Console.WriteLine($"Valence head: {snippets.Length} VADER snippets, {vocabulary.Count} features");

        var outOfFold = new double[snippets.Length];
        var random = new Random(options.Seed);
        var folds = Enumerable.Range(0, snippets.Length).Select(_ => random.Next(options.Folds)).ToArray();
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var (w, b) = Fit(rows, targets, [.. Enumerable.Range(0, rows.Length).Where(i => folds[i] != fold)], vocabulary.Count);
            foreach (var i in Enumerable.Range(0, rows.Length).Where(i => folds[i] == fold))
            {
                outOfFold[i] = Math.Tanh(Predict(w, b, rows[i]));
            }
        }

        var bestWeight = 0.0;
        var bestMean = double.MinValue;
        Console.WriteLine("  head share   " + string.Join("  ", Sets.Select(s => s[..6])) + "   (out-of-fold Pearson r)");
        for (var weight = 0.0; weight <= 1.0001; weight += 0.1)
        {
            var rs = Sets.Select(set =>
            {
                var idx = Enumerable.Range(0, snippets.Length).Where(i => snippets[i].Set == set).ToArray();
                return Pearson([.. idx.Select(i => ((1 - weight) * baseline[i]) + (weight * outOfFold[i]))], [.. idx.Select(i => snippets[i].Rating)]);
            }).ToArray();
            Console.WriteLine($"  {weight,10:F1}   " + string.Join("  ", rs.Select(r => r.ToString("F3", CultureInfo.InvariantCulture))));
            if (rs.Average() > bestMean)
            {
                bestMean = rs.Average();
                bestWeight = weight;
            }
        }

        Console.WriteLine($"Best head share {bestWeight:F1} (mean out-of-fold r {bestMean:F3}); the analyzer uses {EmotionAnalyzer.ValenceHeadWeight:F1}.");
        var (weights, bias) = Fit(rows, targets, [.. Enumerable.Range(0, rows.Length)], vocabulary.Count);
        return EmotionModelTrainer.Quantize(["valence"], weights, [bias], [0f], vocabulary);
    }

    private (float[] Weights, float Bias) Fit((int[] Rows, float Value)[] rows, float[] targets, int[] indices, int featureCount)
    {
        var weights = new float[featureCount];
        var squared = new float[featureCount];
        float bias = 0, biasSquared = 0;
        var random = new Random(options.Seed);
        var order = (int[])indices.Clone();
        const float learningRate = 0.05f;
        for (var epoch = 0; epoch < 10; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var prediction = MathF.Tanh((float)Predict(weights, bias, rows[i]));
                var g = 2 * (prediction - targets[i]) * (1 - (prediction * prediction));
                biasSquared += g * g;
                bias -= learningRate * g / MathF.Sqrt(biasSquared + 1e-8f);
                foreach (var f in rows[i].Rows)
                {
                    var gw = (g * rows[i].Value) + (options.L2 * weights[f]);
                    squared[f] += gw * gw;
                    weights[f] -= learningRate * gw / MathF.Sqrt(squared[f] + 1e-8f);
                }
            }
        }

        return (weights, bias);
    }

    private static double Predict(float[] weights, float bias, (int[] Rows, float Value) row)
    {
        double z = bias;
        foreach (var f in row.Rows)
        {
            z += weights[f] * row.Value;
        }

        return z;
    }

    private static IEnumerable<(string Text, double Rating)> ReadGroundTruth(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split('\t');
            if (parts.Length >= 3)
            {
                yield return (parts[2], double.Parse(parts[1], CultureInfo.InvariantCulture));
            }
        }
    }

    private static double Pearson(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }
}
