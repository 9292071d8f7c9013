using Rapport.Desk.Conversations;

namespace Rapport.Desk.Analytics;

/// <summary>What a dashboard asks for: an inclusive range of UTC dates, optionally one channel, and whose replies.</summary>
/// <param name="From">First date (UTC), inclusive.</param>
/// <param name="To">Last date (UTC), inclusive.</param>
/// <param name="AgentIds">The agents whose figures count; null for every agent (an admin or an API key).</param>
/// <param name="Channel">One channel, or null for all.</param>
public sealed record AnalyticsQuery(DateOnly From, DateOnly To, IReadOnlyCollection<long>? AgentIds, Channel? Channel)
{
    /// <summary>The longest range a dashboard covers.</summary>
    public const int MaxDays = 366;

    /// <summary>The first day number.</summary>
    public int FirstDay => AnalyticsDays.Of(From);

    /// <summary>The last day number.</summary>
    public int LastDay => AnalyticsDays.Of(To);
}
