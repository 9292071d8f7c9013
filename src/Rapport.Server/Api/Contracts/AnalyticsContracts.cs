using Rapport.Core.Analytics;
using Rapport.Desk.Analytics;

namespace Rapport.Server.Api.Contracts;

/// <summary>The team analytics for a range (docs/analytics.md): empathy by agent, team, channel, week and starting upset; consistency; emotions; response times.</summary>
internal sealed record AnalyticsOverviewResponse(
    DateOnly From, DateOnly To, long Replies, double Empathy, ConsistencyResponse? AcrossAgents, ConsistencyResponse? AcrossDays,
    IReadOnlyList<AgentFiguresResponse> Agents, IReadOnlyList<GroupFigures> Teams, IReadOnlyList<GroupFigures> Channels,
    IReadOnlyList<WeekFigures> Weeks, IReadOnlyList<GroupFigures> ByStartingUpset, IReadOnlyList<EmotionWeek> Emotions, IReadOnlyList<ResponseWeek> Responses,
    SatisfactionFigures Satisfaction, PromiseFigures Promises)
{
    public static AnalyticsOverviewResponse Of(AnalyticsOverview o) =>
        new(o.From, o.To, o.Replies, o.Empathy, ConsistencyResponse.From(o.AcrossAgents), ConsistencyResponse.From(o.AcrossDays),
            [.. o.Agents.Select(AgentFiguresResponse.From)], o.Teams, o.Channels, o.Weeks, o.ByStartingUpset, o.Emotions, o.Responses, o.Satisfaction, o.Promises);
}

/// <summary>Consistency over groups: spread of their mean empathy and the 0–100 index.</summary>
internal sealed record ConsistencyResponse(int Groups, double Spread, double Lowest, double Highest, double Index)
{
    public static ConsistencyResponse? From(ConsistencyReading? r) => r is null ? null : new(r.Groups, r.Spread, r.Lowest, r.Highest, r.Index);
}

/// <summary>One agent's figures; quadrant is "efficientAndWarm", "slowAndWarm", "efficientButCold" or "slowAndCold" (null without enough data).</summary>
internal sealed record AgentFiguresResponse(
    long AgentId, string Name, long? TeamId, string? Team, long Replies, double Empathy, double? FairEmpathy, double Spread,
    int Resolved, double? ResolutionMinutes, double? FirstResponseMinutes, string? Quadrant, string? QuadrantName,
    int Surveys, double? Satisfaction, double? FeltUnderstood)
{
    public static AgentFiguresResponse From(AgentFigures a) =>
        new(a.AgentId, a.Name, a.TeamId, a.Team, a.Replies, a.Empathy, a.FairEmpathy, a.Spread, a.Resolved, a.ResolutionMinutes, a.FirstResponseMinutes,
            a.Quadrant is { } q ? ConversationMapping.Name(q) : null, a.Quadrant is { } n ? EffortQuadrants.Name(n) : null,
            a.Surveys, a.Satisfaction, a.FeltUnderstood);
}

/// <summary>A conversation behind a chart point.</summary>
internal sealed record DrillConversationResponse(long Id, string Subject, string? Customer, string? Assignee, string Channel, DateTimeOffset CreatedAt, int Replies, double Empathy)
{
    public static DrillConversationResponse From(DrillConversation c) =>
        new(c.Id, c.Subject, c.Customer, c.Assignee, ConversationMapping.Name(c.Channel), c.CreatedAt, c.Replies, c.Empathy);
}
