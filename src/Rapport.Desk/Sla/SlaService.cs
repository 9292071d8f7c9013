using Microsoft.EntityFrameworkCore;
using Rapport.Core.Sla;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;

namespace Rapport.Desk.Sla;

/// <summary>SLA policies, team hours, each conversation's clock as it reads now, alerts and the share of SLAs met.</summary>
public sealed class SlaService(RapportDbContext db, TimeProvider time)
{
    public const int MaxAlerts = 500;

    public async Task<IReadOnlyList<SlaPolicy>> ListPoliciesAsync(CancellationToken cancellationToken) =>
        (await db.SlaPolicies.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false))
            .OrderBy(p => p.Channel).ThenByDescending(p => p.Priority).ToList();

    /// <summary>Sets the targets of one channel and band (creating the policy if the desk has none yet).</summary>
    public async Task<SlaPolicy> SavePolicyAsync(Channel channel, SlaPriority priority, int firstResponseMinutes, int nextResponseMinutes, CancellationToken cancellationToken)
    {
        var policy = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Channel == channel && p.Priority == priority, cancellationToken).ConfigureAwait(false);
        if (policy is null)
        {
            policy = new SlaPolicy { Channel = channel, Priority = priority };
            db.SlaPolicies.Add(policy);
        }

        policy.FirstResponseMinutes = firstResponseMinutes;
        policy.NextResponseMinutes = nextResponseMinutes;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return policy;
    }

    /// <returns>The team's hours (null when the team has none: open around the clock); <c>Found</c> false when there is no such team.</returns>
    public async Task<(bool Found, TeamHours? Hours)> GetHoursAsync(long teamId, CancellationToken cancellationToken)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken).ConfigureAwait(false))
        {
            return (false, null);
        }

        return (true, await db.TeamHours.AsNoTracking().FirstOrDefaultAsync(h => h.TeamId == teamId, cancellationToken).ConfigureAwait(false));
    }

    /// <returns>The stored hours, or null when there is no such team.</returns>
    public async Task<TeamHours?> SaveHoursAsync(long teamId, string timeZone, IReadOnlyDictionary<DayOfWeek, BusinessHours> week, IReadOnlyList<DateOnly> holidays, CancellationToken cancellationToken)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var hours = await db.TeamHours.FirstOrDefaultAsync(h => h.TeamId == teamId, cancellationToken).ConfigureAwait(false);
        if (hours is null)
        {
            hours = new TeamHours { TeamId = teamId, TimeZone = timeZone };
            db.TeamHours.Add(hours);
        }

        hours.TimeZone = timeZone;
        hours.Week = TeamHoursText.FormatWeek(week);
        hours.Holidays = TeamHoursText.FormatHolidays(holidays.Distinct());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return hours;
    }

    /// <summary>The running clocks of <paramref name="conversationIds"/> read now (conversations without one are left out).</summary>
    public async Task<IReadOnlyDictionary<long, SlaState>> StatesAsync(IReadOnlyCollection<long> conversationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationIds);
        if (conversationIds.Count == 0)
        {
            return new Dictionary<long, SlaState>();
        }

        var clocks = await db.SlaClocks.AsNoTracking().Where(c => conversationIds.Contains(c.ConversationId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var calendars = await SlaCalendars.LoadAsync(db, clocks.Select(c => c.TeamId), cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return clocks.ToDictionary(c => c.ConversationId, c => SlaState.Of(c, SlaCalendars.Read(c, SlaCalendars.For(calendars, c.TeamId), now)));
    }

    /// <summary>
    /// Alerts since <paramref name="since"/>, newest first, optionally of one team; <paramref name="visibleTo"/> narrows
    /// them as the inbox does: a lead's team, team-less (unassigned) ones and their own; an agent their own.
    /// </summary>
    public async Task<IReadOnlyList<SlaAlert>> ListAlertsAsync(DateTimeOffset? since, long? teamId, ConversationVisibility? visibleTo, CancellationToken cancellationToken)
    {
        var query = db.SlaAlerts.AsNoTracking();
        if (visibleTo is { } visible)
        {
            var agent = visible.AgentId;
            query = visible.TeamId is { } leadTeam
                ? query.Where(a => a.TeamId == leadTeam || a.TeamId == null || a.AssigneeId == agent)
                : query.Where(a => a.AssigneeId == agent);
        }

        if (since is { } from)
        {
            var utc = from.ToUniversalTime();
            query = query.Where(a => a.CreatedAt >= utc);
        }

        if (teamId is { } team)
        {
            query = query.Where(a => a.TeamId == team);
        }

        return await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(MaxAlerts).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Responses measured from <paramref name="from"/> to <paramref name="to"/> inclusive (reply time), met and total, per
    /// agent and per team; <paramref name="visibleTo"/>: a lead's team (and their own replies), an agent their own.
    /// </summary>
    public async Task<SlaPerformance> PerformanceAsync(DateTimeOffset from, DateTimeOffset to, ConversationVisibility? visibleTo, CancellationToken cancellationToken)
    {
        var (start, end) = (from.ToUniversalTime(), to.ToUniversalTime());
        var rows = db.SlaOutcomes.AsNoTracking().Where(o => o.RespondedAt >= start && o.RespondedAt <= end);
        if (visibleTo is { } visible)
        {
            var agent = visible.AgentId;
            rows = visible.TeamId is { } leadTeam
                ? rows.Where(o => o.TeamId == leadTeam || o.AgentId == agent)
                : rows.Where(o => o.AgentId == agent);
        }

        var byAgent = await rows.Where(o => o.AgentId != null).GroupBy(o => o.AgentId!.Value)
            .Select(g => new { Id = g.Key, Total = g.Count(), Met = g.Count(o => o.Met) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byTeam = await rows.Where(o => o.TeamId != null).GroupBy(o => o.TeamId!.Value)
            .Select(g => new { Id = g.Key, Total = g.Count(), Met = g.Count(o => o.Met) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var met = await rows.CountAsync(o => o.Met, cancellationToken).ConfigureAwait(false);

        var agentIds = byAgent.Select(a => a.Id).ToList();
        var agentNames = await db.Agents.AsNoTracking().Where(a => agentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken).ConfigureAwait(false);
        var teamIds = byTeam.Select(t => t.Id).ToList();
        var teamNames = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken).ConfigureAwait(false);
        return new SlaPerformance(
            new SlaShare(met, total),
            [.. byAgent.OrderBy(a => a.Id).Select(a => new SlaGroupShare(a.Id, agentNames.GetValueOrDefault(a.Id) ?? "", new SlaShare(a.Met, a.Total)))],
            [.. byTeam.OrderBy(t => t.Id).Select(t => new SlaGroupShare(t.Id, teamNames.GetValueOrDefault(t.Id) ?? "", new SlaShare(t.Met, t.Total)))]);
    }
}

/// <summary>A conversation's response clock as it reads now.</summary>
public sealed record SlaState(
    SlaResponseKind Kind,
    SlaPriority Priority,
    SlaClockState State,
    DateTimeOffset DueAt,
    TimeSpan Remaining,
    TimeSpan Target,
    string? TightenedBy,
    long? TeamId)
{
    public static SlaState Of(SlaClock clock, SlaReading reading)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(reading);
        return new(clock.Kind, clock.Priority, reading.State, reading.DueAt, reading.Remaining, TimeSpan.FromSeconds(clock.TargetSeconds), clock.TightenedBy, clock.TeamId);
    }
}

/// <summary>Met out of total; <see cref="Percent"/> is null when nothing was measured.</summary>
public sealed record SlaShare(int Met, int Total)
{
    public double? Percent => Total == 0 ? null : Math.Round(100.0 * Met / Total, 1);
}

public sealed record SlaGroupShare(long Id, string Name, SlaShare Share);

public sealed record SlaPerformance(SlaShare Overall, IReadOnlyList<SlaGroupShare> Agents, IReadOnlyList<SlaGroupShare> Teams);
