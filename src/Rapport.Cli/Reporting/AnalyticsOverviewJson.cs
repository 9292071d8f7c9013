namespace Rapport.Cli.Reporting;

// The CLI's reading of GET /api/v1/analytics/overview (Rapport.Server's AnalyticsOverviewResponse, camelCase JSON).
// The CLI does not reference the server, so it keeps its own copy of the contract; the report test checks both agree.

/// <summary>The team analytics for a range, as the server sends it.</summary>
internal sealed record OverviewJson(
    DateOnly From, DateOnly To, long Replies, double Empathy, ConsistencyJson? AcrossAgents, ConsistencyJson? AcrossDays,
    IReadOnlyList<AgentJson> Agents, IReadOnlyList<GroupJson> Teams, IReadOnlyList<GroupJson> Channels,
    IReadOnlyList<WeekJson> Weeks, IReadOnlyList<GroupJson> ByStartingUpset, IReadOnlyList<EmotionWeekJson> Emotions,
    IReadOnlyList<ResponseWeekJson> Responses, PromisesJson? Promises = null);

/// <summary>Promises made, kept on time, kept late and broken; the kept rate is 0–1 (null when none came due). Null from servers before promises were rolled up.</summary>
internal sealed record PromisesJson(int Made, int Kept, int KeptLate, int Broken, double? KeptRate, IReadOnlyList<PromiseGroupJson> Agents, IReadOnlyList<PromiseGroupJson> Teams);

/// <summary>An agent's or a team's promises.</summary>
internal sealed record PromiseGroupJson(string Key, string Name, int Made, int Kept, int KeptLate, int Broken, double? KeptRate);

/// <summary>Consistency over groups (agents or days): spread of their mean empathy and the 0–100 index.</summary>
internal sealed record ConsistencyJson(int Groups, double Spread, double Lowest, double Highest, double Index);

/// <summary>One agent's figures; <see cref="QuadrantName"/> is e.g. "Efficient and warm" (null without enough data).</summary>
internal sealed record AgentJson(
    long AgentId, string Name, long? TeamId, string? Team, long Replies, double Empathy, double? FairEmpathy, double Spread,
    int Resolved, double? ResolutionMinutes, double? FirstResponseMinutes, string? Quadrant, string? QuadrantName);

/// <summary>A team, channel or band of starting upset.</summary>
internal sealed record GroupJson(string Key, string Name, long Replies, double Empathy, double? FairEmpathy);

/// <summary>One week (starting Monday) of replies.</summary>
internal sealed record WeekJson(DateOnly Week, long Replies, double Empathy);

/// <summary>One week of incoming customer messages by strongest feeling.</summary>
internal sealed record EmotionWeekJson(DateOnly Week, IReadOnlyDictionary<string, int> Messages);

/// <summary>One week of first responses and resolutions (means in minutes, shares 0–1 within an hour and a day).</summary>
internal sealed record ResponseWeekJson(
    DateOnly Week, int FirstResponses, double? FirstResponseMinutes, double? WithinHour, int Resolved, double? ResolutionMinutes, double? WithinDay);
