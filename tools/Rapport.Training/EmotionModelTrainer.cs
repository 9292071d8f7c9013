using Rapport.Core.Emotions.Model;
using Rapport.Core.Text;

namespace Rapport.Training;

/// <summary>
/// Trains <see cref="LinearModel"/>: binary-relevance logistic regression with AdaGrad over L2-normalised sparse
/// features, per-output thresholds chosen on out-of-fold predictions of the training set (so dev stays unseen).
/// </summary>
internal sealed class EmotionModelTrainer(GoEmotionsCorpus corpus, TrainingOptions options)
{
    private readonly string[] _outputs = corpus.Outputs().Outputs;
    private readonly Func<int[], bool[]> _targets = corpus.Outputs().Targets;

    /// <summary>Quick mode for experiments: thresholds tuned on <paramref name="tuning"/> (optimistic for that split).</summary>
    public LinearModel TrainWithTuningSet(List<GoEmotionsExample> train, List<GoEmotionsExample> tuning)
    {
        var encoded = train.Select(e => (Features: Featurize(e.Text), Targets: _targets(e.LabelIds))).ToArray();
        var vocabulary = BuildVocabulary(encoded.Select(e => e.Features));
        var rows = encoded.Select(e => ToRows(e.Features, vocabulary)).ToArray();
        var targets = encoded.Select(e => e.Targets).ToArray();
        var (weights, bias) = Fit(rows, targets, Enumerable.Range(0, rows.Length).ToArray(), vocabulary.Count);
        var tuningRows = tuning.Select(e => ToRows(Featurize(e.Text), vocabulary)).ToArray();
        var predictions = tuningRows.Select(r => Predict(weights, bias, r)).ToArray();
        var gold = tuning.Select(e => _targets(e.LabelIds)).ToArray();
        var thresholds = new float[_outputs.Length];
        for (var l = 0; l < _outputs.Length; l++)
        {
            thresholds[l] = BestThreshold(predictions.Select(p => p[l]).ToArray(), gold.Select(t => t[l]).ToArray());
        }

        return Quantize(weights, bias, thresholds, vocabulary);
    }

    public LinearModel TrainWithOutOfFoldThresholds(List<GoEmotionsExample> train)
    {
        var encoded = train.Select(e => (Features: Featurize(e.Text), Targets: _targets(e.LabelIds))).ToArray();
        var vocabulary = BuildVocabulary(encoded.Select(e => e.Features));
        var rows = encoded.Select(e => ToRows(e.Features, vocabulary)).ToArray();
        var targets = encoded.Select(e => e.Targets).ToArray();
        Console.WriteLine($"Vocabulary: {vocabulary.Count} features with count >= {options.MinCount}");

        var folds = Enumerable.Range(0, rows.Length).Select(i => i % options.Folds).ToArray();
        var outOfFold = new float[rows.Length][];
        Parallel.For(0, options.Folds, new ParallelOptions { MaxDegreeOfParallelism = 2 }, fold =>
        {
            var trainIdx = Enumerable.Range(0, rows.Length).Where(i => folds[i] != fold).ToArray();
            var (w, b) = Fit(rows, targets, trainIdx, vocabulary.Count);
            foreach (var i in Enumerable.Range(0, rows.Length).Where(i => folds[i] == fold))
            {
                outOfFold[i] = Predict(w, b, rows[i]);
            }
        });

        var thresholds = new float[_outputs.Length];
        for (var l = 0; l < _outputs.Length; l++)
        {
            thresholds[l] = BestThreshold(outOfFold.Select(p => p[l]).ToArray(), targets.Select(t => t[l]).ToArray());
        }

        var (weights, bias) = Fit(rows, targets, Enumerable.Range(0, rows.Length).ToArray(), vocabulary.Count);
        return Quantize(weights, bias, thresholds, vocabulary);
    }

    internal static ulong[] Featurize(string text)
    {
        var tokens = new Token[Tokenizer.MaxTokens(text.Length)];
        var tokenCount = Tokenizer.Tokenize(text, tokens);
        var features = new Feature[FeatureExtractor.MaxFeatures(tokenCount)];
        var count = FeatureExtractor.Extract(text, tokens.AsSpan(0, tokenCount), features);
        return features.Take(count).Select(f => f.Hash).ToArray();
    }

    private Dictionary<ulong, int> BuildVocabulary(IEnumerable<ulong[]> documents) => BuildVocabulary(documents, options.MinCount);

    internal static Dictionary<ulong, int> BuildVocabulary(IEnumerable<ulong[]> documents, int minCount)
    {
        var counts = new Dictionary<ulong, int>();
        foreach (var doc in documents)
        {
            foreach (var h in doc.Distinct())
            {
                counts[h] = counts.GetValueOrDefault(h) + 1;
            }
        }

        var vocabulary = new Dictionary<ulong, int>();
        foreach (var (hash, count) in counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key))
        {
            if (count >= minCount)
            {
                vocabulary[hash] = vocabulary.Count;
            }
        }

        return vocabulary;
    }

    /// <summary>Known feature rows and the normalisation shared with inference (1/sqrt of all features, known or not).</summary>
    private static (int[] Rows, float Value) ToRows(ulong[] features, Dictionary<ulong, int> vocabulary) =>
        (features.Where(vocabulary.ContainsKey).Select(h => vocabulary[h]).ToArray(), 1f / MathF.Sqrt(Math.Max(1, features.Length)));

    private (float[] Weights, float[] Bias) Fit((int[] Rows, float Value)[] rows, bool[][] targets, int[] indices, int featureCount)
    {
        var labelCount = _outputs.Length;
        var weights = new float[featureCount * labelCount];
        var squared = new float[featureCount * labelCount];
        var bias = new float[labelCount];
        var biasSquared = new float[labelCount];
        var logits = new float[labelCount];
        var ratio = options.NaiveBayes ? NaiveBayesRatios(rows, targets, indices, featureCount, labelCount) : null;
        var random = new Random(options.Seed);
        var order = (int[])indices.Clone();
        var positiveWeight = new float[labelCount];
        for (var l = 0; l < labelCount; l++)
        {
            var positives = indices.Count(i => targets[i][l]);
            positiveWeight[l] = Math.Clamp(MathF.Pow((indices.Length - positives) / (float)Math.Max(1, positives), options.PositivePower), 1f, 30f);
        }

        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var (features, value) = rows[i];
                Array.Copy(bias, logits, labelCount);
                foreach (var f in features)
                {
                    var offset = f * labelCount;
                    for (var l = 0; l < labelCount; l++)
                    {
                        logits[l] += weights[offset + l] * value * (ratio?[offset + l] ?? 1f);
                    }
                }

                var target = targets[i];
                for (var l = 0; l < labelCount; l++)
                {
                    logits[l] = target[l] ? positiveWeight[l] * (LinearModel.Sigmoid(logits[l]) - 1f) : LinearModel.Sigmoid(logits[l]);
                    var g = logits[l];
                    biasSquared[l] += g * g;
                    bias[l] -= options.LearningRate * g / MathF.Sqrt(biasSquared[l] + 1e-8f);
                }

                foreach (var f in features)
                {
                    var offset = f * labelCount;
                    for (var l = 0; l < labelCount; l++)
                    {
                        var g = (logits[l] * value * (ratio?[offset + l] ?? 1f)) + (options.L2 * weights[offset + l]);
                        squared[offset + l] += g * g;
                        weights[offset + l] -= options.LearningRate * g / MathF.Sqrt(squared[offset + l] + 1e-8f);
                    }
                }
            }
        }

        if (ratio is not null)
        {
            for (var k = 0; k < weights.Length; k++)
            {
                weights[k] *= ratio[k];
            }
        }

        return (weights, bias);
    }

    private static float[] NaiveBayesRatios((int[] Rows, float Value)[] rows, bool[][] targets, int[] indices, int featureCount, int labelCount)
    {
        var positive = new float[featureCount * labelCount];
        var negative = new float[featureCount * labelCount];
        foreach (var i in indices)
        {
            foreach (var f in rows[i].Rows.Distinct())
            {
                for (var l = 0; l < labelCount; l++)
                {
                    if (targets[i][l])
                    {
                        positive[(f * labelCount) + l]++;
                    }
                    else
                    {
                        negative[(f * labelCount) + l]++;
                    }
                }
            }
        }

        var ratio = new float[featureCount * labelCount];
        for (var l = 0; l < labelCount; l++)
        {
            double p = 0, q = 0;
            for (var f = 0; f < featureCount; f++)
            {
                p += positive[(f * labelCount) + l] + 1;
                q += negative[(f * labelCount) + l] + 1;
            }

            for (var f = 0; f < featureCount; f++)
            {
                var k = (f * labelCount) + l;
                ratio[k] = (float)Math.Abs(Math.Log((positive[k] + 1) / p / ((negative[k] + 1) / q)));
            }
        }

        return ratio;
    }

    private float[] Predict(float[] weights, float[] bias, (int[] Rows, float Value) row)
    {
        var labelCount = _outputs.Length;
        var logits = (float[])bias.Clone();
        foreach (var f in row.Rows)
        {
            for (var l = 0; l < labelCount; l++)
            {
                logits[l] += weights[(f * labelCount) + l] * row.Value;
            }
        }

        return logits.Select(LinearModel.Sigmoid).ToArray();
    }

    internal static float BestThreshold(float[] probabilities, bool[] gold)
    {
        var best = 0.5f;
        var bestF1 = -1.0;
        for (var t = 0.02f; t < 0.95f; t += 0.01f)
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < probabilities.Length; i++)
            {
                var predicted = probabilities[i] >= t;
                if (predicted && gold[i])
                {
                    tp++;
                }
                else if (predicted)
                {
                    fp++;
                }
                else if (gold[i])
                {
                    fn++;
                }
            }

            var f1 = tp == 0 ? 0 : 2.0 * tp / ((2.0 * tp) + fp + fn);
            if (f1 > bestF1)
            {
                bestF1 = f1;
                best = t;
            }
        }

        return best;
    }

    private LinearModel Quantize(float[] weights, float[] bias, float[] thresholds, Dictionary<ulong, int> vocabulary) =>
        Quantize(_outputs, weights, bias, thresholds, vocabulary);

    /// <summary>int8 weights with one scale per output; rows ordered by vocabulary index.</summary>
    internal static LinearModel Quantize(string[] outputs, float[] weights, float[] bias, float[] thresholds, Dictionary<ulong, int> vocabulary)
    {
        var labelCount = outputs.Length;
        var featureCount = vocabulary.Count;
        var scale = new float[labelCount];
        for (var l = 0; l < labelCount; l++)
        {
            var max = 0f;
            for (var f = 0; f < featureCount; f++)
            {
                max = Math.Max(max, Math.Abs(weights[(f * labelCount) + l]));
            }

            scale[l] = max / 127f;
        }

        var quantized = new sbyte[weights.Length];
        for (var f = 0; f < featureCount; f++)
        {
            for (var l = 0; l < labelCount; l++)
            {
                var q = scale[l] == 0 ? 0 : MathF.Round(weights[(f * labelCount) + l] / scale[l]);
                quantized[(f * labelCount) + l] = (sbyte)Math.Clamp(q, -127, 127);
            }
        }

        var hashes = vocabulary.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        return new LinearModel(outputs, hashes, quantized, bias, scale, thresholds);
    }
}
