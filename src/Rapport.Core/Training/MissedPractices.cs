using Rapport.Core.Coaching;

namespace Rapport.Core.Training;

/// <summary>How often a practice was missed over an agent's turns.</summary>
/// <param name="Practice">The practice.</param>
/// <param name="Missed">Turns that missed it.</param>
/// <param name="Applicable">Turns it applied to.</param>
/// <param name="Share">Missed weight over applicable turns: 0 (never missed) to the practice's weight (always missed).</param>
public sealed record PracticeMisses(Practice Practice, int Missed, int Applicable, double Share);

/// <summary>Ranks the practices an agent misses most over their score cards (the lead's "misses most" view and the suggester).</summary>
public static class MissedPractices
{
    /// <summary>
    /// Practices missed at least once over every turn of <paramref name="history"/>, most missed first: by the summed
    /// weight of the misses over the turns the practice applied to (so a heavy practice missed half the time outranks a
    /// light one missed as often), then by practice order.
    /// </summary>
    public static IReadOnlyList<PracticeMisses> Rank(IEnumerable<ScoreCard> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var count = Enum.GetValues<Practice>().Length;
        var weight = new double[count];
        var missed = new int[count];
        var applicable = new int[count];
        foreach (var finding in history.SelectMany(c => c.Turns).SelectMany(t => t.Review.Findings))
        {
            if (finding.Status == FindingStatus.NotApplicable)
            {
                continue;
            }

            var i = (int)finding.Practice;
            applicable[i]++;
            if (finding.Status == FindingStatus.Missed)
            {
                missed[i]++;
                weight[i] += finding.Weight;
            }
        }

        var ranked = new List<PracticeMisses>();
        for (var i = 0; i < count; i++)
        {
            if (missed[i] > 0)
            {
                ranked.Add(new PracticeMisses((Practice)i, missed[i], applicable[i], weight[i] / applicable[i]));
            }
        }

        return [.. ranked.OrderByDescending(m => m.Share).ThenBy(m => m.Practice)];
    }
}
