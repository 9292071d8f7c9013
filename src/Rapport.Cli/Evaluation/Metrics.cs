namespace Rapport.Cli.Evaluation;

/// <summary>Precision, recall and F1 of one label (binary: the label against all others).</summary>
/// <param name="Label">The label.</param>
/// <param name="Support">Gold examples with the label.</param>
/// <param name="Predicted">Examples predicted with the label.</param>
/// <param name="TruePositives">Examples with the label in both.</param>
internal sealed record LabelMetrics(string Label, int Support, int Predicted, int TruePositives)
{
    /// <summary>TP / predicted; 0 when nothing was predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;

    /// <summary>TP / support; 0 when there is no gold example.</summary>
    public double Recall => Support == 0 ? 0 : (double)TruePositives / Support;

    /// <summary>2·TP / (support + predicted): the harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 => Support + Predicted == 0 ? 0 : 2.0 * TruePositives / (Support + Predicted);

    /// <summary>False when the label occurs in neither gold nor predictions (its F1 is undefined and left out of the macro average).</summary>
    public bool Occurs => Support + Predicted > 0;
}

/// <summary>
/// Per-label metrics and their averages over one labelling scheme.
/// </summary>
/// <param name="Labels">Per-label metrics, in the scheme's order.</param>
/// <param name="Accuracy">Share of examples whose (single) gold label was predicted; null for multi-label schemes.</param>
/// <param name="Confusion">Gold (rows) × predicted (columns) counts over <see cref="Labels"/>' order, when meaningful.</param>
internal sealed record ClassificationReport(IReadOnlyList<LabelMetrics> Labels, double? Accuracy, int[,]? Confusion)
{
    /// <summary>The mean F1 over the labels that occur in gold or predictions.</summary>
    public double MacroF1
    {
        get
        {
            var sum = 0.0;
            var count = 0;
            foreach (var label in Labels)
            {
                if (label.Occurs)
                {
                    sum += label.F1;
                    count++;
                }
            }

            return count == 0 ? 0 : sum / count;
        }
    }

    /// <summary>F1 of the pooled counts: 2·ΣTP / (Σsupport + Σpredicted).</summary>
    public double MicroF1
    {
        get
        {
            long truePositives = 0, total = 0;
            foreach (var label in Labels)
            {
                truePositives += label.TruePositives;
                total += label.Support + label.Predicted;
            }

            return total == 0 ? 0 : 2.0 * truePositives / total;
        }
    }

    /// <summary>The report of a single-label confusion matrix (gold rows × predicted columns).</summary>
    public static ClassificationReport FromConfusion(IReadOnlyList<string> labels, int[,] confusion)
    {
        var n = labels.Count;
        var metrics = new LabelMetrics[n];
        long correct = 0, total = 0;
        for (var i = 0; i < n; i++)
        {
            int support = 0, predicted = 0;
            for (var j = 0; j < n; j++)
            {
                support += confusion[i, j];
                predicted += confusion[j, i];
            }

            metrics[i] = new LabelMetrics(labels[i], support, predicted, confusion[i, i]);
            correct += confusion[i, i];
            total += support;
        }

        return new ClassificationReport(metrics, total == 0 ? 0 : (double)correct / total, confusion);
    }
}

/// <summary>
/// Counts a multi-label scheme: per label, gold and predicted as independent binary decisions; plus a
/// confusion of the first gold label against the first predicted label (a single-label view).
/// </summary>
internal sealed class MultiLabelTally(IReadOnlyList<string> labels, bool firstLabelConfusion)
{
    private readonly int[] _support = new int[labels.Count];
    private readonly int[] _predicted = new int[labels.Count];
    private readonly int[] _truePositives = new int[labels.Count];
    private readonly int[,]? _confusion = firstLabelConfusion ? new int[labels.Count, labels.Count] : null;

    public IReadOnlyList<string> Labels { get; } = labels;

    public int Examples { get; private set; }

    /// <summary>Adds an example given as label indices (duplicates are ignored; order matters only for the first).</summary>
    public void Add(ReadOnlySpan<int> gold, ReadOnlySpan<int> predicted)
    {
        Examples++;
        Span<bool> inGold = stackalloc bool[Labels.Count];
        Span<bool> inPredicted = stackalloc bool[Labels.Count];
        foreach (var g in gold)
        {
            inGold[g] = true;
        }

        foreach (var p in predicted)
        {
            inPredicted[p] = true;
        }

        for (var i = 0; i < Labels.Count; i++)
        {
            if (inGold[i])
            {
                _support[i]++;
            }

            if (inPredicted[i])
            {
                _predicted[i]++;
            }

            if (inGold[i] && inPredicted[i])
            {
                _truePositives[i]++;
            }
        }

        if (_confusion is not null && gold.Length > 0 && predicted.Length > 0)
        {
            _confusion[gold[0], predicted[0]]++;
        }
    }

    public ClassificationReport ToReport()
    {
        var metrics = new LabelMetrics[Labels.Count];
        for (var i = 0; i < metrics.Length; i++)
        {
            metrics[i] = new LabelMetrics(Labels[i], _support[i], _predicted[i], _truePositives[i]);
        }

        return new ClassificationReport(metrics, Accuracy: null, _confusion);
    }
}

/// <summary>Pearson's correlation, accumulated in one pass with Welford's updates (numerically stable).</summary>
internal sealed class PearsonAccumulator
{
    private double _meanX;
    private double _meanY;
    private double _m2X;
    private double _m2Y;
    private double _coMoment;

    public long Count { get; private set; }

    public void Add(double x, double y)
    {
        Count++;
        var dx = x - _meanX;
        _meanX += dx / Count;
        var dy = y - _meanY;
        _meanY += dy / Count;
        _m2X += dx * (x - _meanX);
        _m2Y += dy * (y - _meanY);
        _coMoment += dx * (y - _meanY);
    }

    /// <summary>r in [-1, 1]; 0 when either variable is constant or there are fewer than two pairs.</summary>
    public double R => Count < 2 || _m2X <= 0 || _m2Y <= 0 ? 0 : _coMoment / Math.Sqrt(_m2X * _m2Y);
}
