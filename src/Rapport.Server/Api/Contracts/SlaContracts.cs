using Rapport.Desk.Sla;

namespace Rapport.Server.Api.Contracts;

/// <summary>A conversation's response clock now: <c>state</c> is running, warning (less than a quarter left),
/// breached or paused (waiting on the customer); <c>remainingSeconds</c> is business time and negative once breached.</summary>
internal sealed record SlaStateResponse(
    string Kind, string Priority, string State, DateTimeOffset DueAt, long RemainingSeconds, bool Breached, bool Warning, int TargetMinutes, string? TightenedBy)
{
    public static SlaStateResponse From(SlaState s) => new(
        ConversationMapping.Name(s.Kind), ConversationMapping.Name(s.Priority), ConversationMapping.Name(s.State), s.DueAt,
        (long)Math.Round(s.Remaining.TotalSeconds), s.State == Rapport.Core.Sla.SlaClockState.Breached, s.State == Rapport.Core.Sla.SlaClockState.Warning,
        (int)Math.Round(s.Target.TotalMinutes), s.TightenedBy);
}

/// <summary>Body of <c>PUT /api/v1/sla/policies/{channel}/{priority}</c>: business minutes, 1 to 43,200 (30 days).</summary>
internal sealed record SlaPolicyRequest(int? FirstResponseMinutes, int? NextResponseMinutes);

internal sealed record SlaPolicyResponse(string Channel, string Priority, int FirstResponseMinutes, int NextResponseMinutes)
{
    public static SlaPolicyResponse From(SlaPolicy p) => new(ConversationMapping.Name(p.Channel), ConversationMapping.Name(p.Priority), p.FirstResponseMinutes, p.NextResponseMinutes);
}

/// <summary>One open day: <c>day</c> monday…sunday, <c>open</c> and <c>close</c> as HH:mm local (close may be 24:00).</summary>
internal sealed record BusinessDayRequest(string? Day, string? Open, string? Close);

/// <summary>Body of <c>PUT /api/v1/sla/teams/{id}/hours</c>: an IANA time zone, the open days, holidays as yyyy-MM-dd.</summary>
internal sealed record TeamHoursRequest(string? TimeZone, IReadOnlyList<BusinessDayRequest?>? Days, IReadOnlyList<string?>? Holidays);

/// <summary>A team's hours; <c>alwaysOpen</c> when the team has none (its clocks run around the clock).</summary>
internal sealed record TeamHoursResponse(long TeamId, bool AlwaysOpen, string TimeZone, IReadOnlyList<BusinessDayResponse> Days, IReadOnlyList<string> Holidays)
{
    public static TeamHoursResponse From(long teamId, TeamHours? h) => h is null
        ? new(teamId, true, "UTC", [], [])
        : new(teamId, false, h.TimeZone,
            [.. TeamHoursText.ParseWeek(h.Week).OrderBy(d => ((int)d.Key + 6) % 7).Select(d => new BusinessDayResponse(d.Key.ToString().ToLowerInvariant(), TeamHoursText.Time(d.Value.Open), TeamHoursText.Time(d.Value.Close)))],
            [.. TeamHoursText.ParseHolidays(h.Holidays).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))]);
}

internal sealed record BusinessDayResponse(string Day, string Open, string Close);

internal sealed record SlaAlertResponse(long Id, long ConversationId, string Kind, DateTimeOffset CreatedAt, DateTimeOffset DueAt, long? TeamId, long? AssigneeId)
{
    public static SlaAlertResponse From(SlaAlert a) => new(a.Id, a.ConversationId, ConversationMapping.Name(a.Kind), a.CreatedAt, a.DueAt, a.TeamId, a.AssigneeId);
}

internal sealed record SlaShareResponse(int Met, int Total, double? Percent)
{
    public static SlaShareResponse From(SlaShare s) => new(s.Met, s.Total, s.Percent);
}

internal sealed record SlaGroupResponse(long Id, string Name, int Met, int Total, double? Percent);

/// <summary>Share of responses within target from <c>from</c> to <c>to</c> inclusive, overall, per agent (who replied) and per team.</summary>
internal sealed record SlaPerformanceResponse(DateTimeOffset From, DateTimeOffset To, SlaShareResponse Overall, IReadOnlyList<SlaGroupResponse> Agents, IReadOnlyList<SlaGroupResponse> Teams)
{
    public static SlaPerformanceResponse Create(DateTimeOffset from, DateTimeOffset to, SlaPerformance p) => new(
        from, to, SlaShareResponse.From(p.Overall),
        [.. p.Agents.Select(a => new SlaGroupResponse(a.Id, a.Name, a.Share.Met, a.Share.Total, a.Share.Percent))],
        [.. p.Teams.Select(t => new SlaGroupResponse(t.Id, t.Name, t.Share.Met, t.Share.Total, t.Share.Percent))]);
}
