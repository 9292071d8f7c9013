using Rapport.Core.Analytics;

namespace Rapport.Desk.Analytics;

/// <summary>Everything the team analytics page shows for one query (docs/analytics.md).</summary>
public sealed record AnalyticsOverview(
    DateOnly From,
    DateOnly To,
    long Replies,
    double Empathy,
    ConsistencyReading? AcrossAgents,
    ConsistencyReading? AcrossDays,
    IReadOnlyList<AgentFigures> Agents,
    IReadOnlyList<GroupFigures> Teams,
    IReadOnlyList<GroupFigures> Channels,
    IReadOnlyList<WeekFigures> Weeks,
    IReadOnlyList<GroupFigures> ByStartingUpset,
    IReadOnlyList<EmotionWeek> Emotions,
    IReadOnlyList<ResponseWeek> Responses,
    SatisfactionFigures Satisfaction,
    PromiseFigures Promises);

/// <summary>
/// Promises in the range (docs/analytics.md): made, kept on time, kept late and broken, each counted on the day it
/// happened; <paramref name="KeptRate"/> is kept on time out of kept on time plus broken (null when none came due).
/// </summary>
public sealed record PromiseFigures(int Made, int Kept, int KeptLate, int Broken, double? KeptRate, IReadOnlyList<PromiseGroup> Agents, IReadOnlyList<PromiseGroup> Teams, IReadOnlyList<PromiseWeek> Weeks);

/// <summary>An agent's or a team's promises (key: its id).</summary>
public sealed record PromiseGroup(string Key, string Name, int Made, int Kept, int KeptLate, int Broken, double? KeptRate);

/// <summary>One week (starting Monday) of promises.</summary>
public sealed record PromiseWeek(DateOnly Week, int Made, int Kept, int KeptLate, int Broken, double? KeptRate);

/// <summary>Which promises a drill-down lists conversations for.</summary>
public enum PromiseOutcome
{
    Made,
    Kept,
    Broken,
}

/// <summary>
/// What customers said in surveys against the empathy of the replies they got: means (1–5), and Pearson's r between a
/// conversation's mean reply empathy and each rating, over <paramref name="Paired"/> answers (null below 3 or without variation).
/// </summary>
public sealed record SatisfactionFigures(int Surveys, double? Satisfaction, double? FeltUnderstood, int Paired, double? SatisfactionR, double? FeltUnderstoodR);

/// <summary>One agent: empathy raw and fair, its spread, and where they sit on empathy against resolution time.</summary>
public sealed record AgentFigures(
    long AgentId, string Name, long? TeamId, string? Team, long Replies, double Empathy, double? FairEmpathy, double Spread,
    int Resolved, double? ResolutionMinutes, double? FirstResponseMinutes, EffortQuadrant? Quadrant, int Surveys = 0, double? Satisfaction = null, double? FeltUnderstood = null);

/// <summary>A group (team, channel or band of starting upset) with its replies and empathy.</summary>
public sealed record GroupFigures(string Key, string Name, long Replies, double Empathy, double? FairEmpathy);

/// <summary>One week (starting Monday) of replies.</summary>
public sealed record WeekFigures(DateOnly Week, long Replies, double Empathy);

/// <summary>One week of incoming customer messages by strongest feeling.</summary>
public sealed record EmotionWeek(DateOnly Week, IReadOnlyDictionary<string, int> Messages);

/// <summary>One week of first responses and resolutions (means in minutes, shares within an hour and a day).</summary>
public sealed record ResponseWeek(DateOnly Week, int FirstResponses, double? FirstResponseMinutes, double? WithinHour, int Resolved, double? ResolutionMinutes, double? WithinDay);
