namespace Rapport.Core.Analytics;

/// <summary>How evenly empathy is spread over a set of groups (agents, or days).</summary>
/// <param name="Groups">Groups with enough replies to count.</param>
/// <param name="Spread">Standard deviation of the groups' mean scores, in score points (0–100 scale), unweighted.</param>
/// <param name="Lowest">The lowest group mean.</param>
/// <param name="Highest">The highest group mean.</param>
/// <param name="Index">100 when every group has the same mean, falling by 4 points per point of spread, 0 from a spread of 25.</param>
public sealed record ConsistencyReading(int Groups, double Spread, double Lowest, double Highest, double Index);

/// <summary>
/// Consistency: "the same warmth whoever is at the desk, whatever the day". The spread is the standard deviation of
/// the group means (each agent, or each day, counts once however busy), so one slow day or one quiet agent weighs as
/// much as a busy one. Groups with fewer than <see cref="MinReplies"/> replies are left out: a mean of two replies
/// says little.
/// </summary>
public static class Consistency
{
    /// <summary>Replies a group needs to count.</summary>
    public const int MinReplies = 5;

    /// <summary>The spread at which the index reaches 0.</summary>
    public const double ZeroAtSpread = 25;

    /// <summary>The consistency of <paramref name="groups"/>; null when fewer than two groups have enough replies.</summary>
    public static ConsistencyReading? Of(IEnumerable<ScoreStats> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var means = groups.Where(g => g.Count >= MinReplies).Select(g => g.Mean).ToList();
        if (means.Count < 2)
        {
            return null;
        }

        var mean = means.Average();
        var spread = Math.Sqrt(means.Sum(m => (m - mean) * (m - mean)) / means.Count);
        var index = Math.Clamp(100 * (1 - (spread / ZeroAtSpread)), 0, 100);
        return new ConsistencyReading(means.Count, Math.Round(spread, 2), Math.Round(means.Min(), 1), Math.Round(means.Max(), 1), Math.Round(index, 1));
    }
}
