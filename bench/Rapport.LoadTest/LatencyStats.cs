using System.Globalization;

namespace Rapport.LoadTest;

/// <summary>Percentiles of a set of latencies, in milliseconds.</summary>
internal sealed record LatencyStats(int Count, double P50, double P95, double P99, double Max)
{
    public static LatencyStats Of(List<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new LatencyStats(0, 0, 0, 0, 0);
        }

        milliseconds.Sort();
        return new LatencyStats(milliseconds.Count, At(milliseconds, 0.50), At(milliseconds, 0.95), At(milliseconds, 0.99), milliseconds[^1]);
    }

    // Nearest rank: the smallest value with at least p of the samples at or below it.
    private static double At(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"n={Count} p50={P50:F2} ms p95={P95:F2} ms p99={P99:F2} ms max={Max:F2} ms");
}
