namespace Rapport.Core.Analytics;

/// <summary>Count, sum and sum of squares of scores: enough for a mean and a spread, and mergeable across days or agents.</summary>
/// <param name="Count">How many scores.</param>
/// <param name="Sum">Their sum.</param>
/// <param name="SumOfSquares">The sum of their squares.</param>
public readonly record struct ScoreStats(long Count, double Sum, double SumOfSquares)
{
    /// <summary>No scores.</summary>
    public static ScoreStats Empty => default;

    /// <summary>The mean; 0 when empty.</summary>
    public double Mean => Count == 0 ? 0 : Sum / Count;

    /// <summary>The population standard deviation; 0 when empty.</summary>
    public double StandardDeviation => Count == 0 ? 0 : Math.Sqrt(Math.Max(0, (SumOfSquares / Count) - (Mean * Mean)));

    /// <summary>These scores and <paramref name="score"/>.</summary>
    public ScoreStats Add(double score) => new(Count + 1, Sum + score, SumOfSquares + (score * score));

    /// <summary>Both sets of scores together.</summary>
    public static ScoreStats operator +(ScoreStats left, ScoreStats right) =>
        new(left.Count + right.Count, left.Sum + right.Sum, left.SumOfSquares + right.SumOfSquares);

    /// <summary>Same as <c>+</c>, for languages without operators.</summary>
    public ScoreStats Merge(ScoreStats other) => this + other;
}
