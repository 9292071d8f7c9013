namespace Rapport.Core.Analytics;

/// <summary>
/// Fair empathy: a score adjusted for how upset the customers were at the start. Warmth comes harder with a furious
/// customer, so an agent who takes the angriest conversations should not look worse for it. Each reply is compared with
/// the desk's mean for replies to customers who started as upset (one of <see cref="Buckets"/> bands of starting
/// upset); the fair score is the desk's overall mean plus the agent's mean difference. An agent with the desk's usual
/// mix gets about their raw mean.
/// </summary>
public static class FairEmpathy
{
    /// <summary>Bands of starting upset: [0, 0.2), [0.2, 0.4), [0.4, 0.6), [0.6, 0.8), [0.8, 1].</summary>
    public const int Buckets = 5;

    /// <summary>The band of a customer whose first message read <paramref name="upset"/> (negative intensity, 0–1).</summary>
    public static int Bucket(double upset) => Math.Clamp((int)Math.Floor(Math.Clamp(upset, 0, 1) * Buckets), 0, Buckets - 1);

    /// <summary>The band's name for charts: "calm", "uneasy", "upset", "very upset", "furious".</summary>
    public static string BucketName(int bucket) => bucket switch
    {
        0 => "calm",
        1 => "uneasy",
        2 => "upset",
        3 => "very upset",
        _ => "furious",
    };

    /// <summary>
    /// The fair score of a group whose replies per band are <paramref name="group"/>, against the desk's replies per band
    /// <paramref name="desk"/> (both indexed by band, length <see cref="Buckets"/>); null when the group has no replies.
    /// </summary>
    public static double? Score(IReadOnlyList<ScoreStats> group, IReadOnlyList<ScoreStats> desk)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(desk);
        if (group.Count != Buckets || desk.Count != Buckets)
        {
            throw new ArgumentException($"Both need {Buckets} bands.");
        }

        var overall = desk.Aggregate(ScoreStats.Empty, (a, b) => a + b);
        long count = 0;
        double difference = 0;
        for (var b = 0; b < Buckets; b++)
        {
            if (group[b].Count == 0)
            {
                continue;
            }

            count += group[b].Count;
            difference += group[b].Sum - (group[b].Count * desk[b].Mean);
        }

        return count == 0 ? null : Math.Clamp(overall.Mean + (difference / count), 0, 100);
    }
}
