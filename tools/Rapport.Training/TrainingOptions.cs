namespace Rapport.Training;

internal sealed record TrainingOptions
{
    public int Epochs { get; init; } = 8;

    public int MinCount { get; init; } = 2;

    public float L2 { get; init; } = 1e-6f;

    public float LearningRate { get; init; } = 0.3f;

    public int Folds { get; init; } = 5;

    /// <summary>Positive examples weigh (negatives/positives)^PositivePower: 0 is unweighted, 0.5 a common middle.</summary>
    public float PositivePower { get; init; }

    /// <summary>Scale each feature by its naive-Bayes log-count ratio per output (Wang and Manning 2012).</summary>
    public bool NaiveBayes { get; init; }

    public int Seed { get; init; } = 20261124;
}
