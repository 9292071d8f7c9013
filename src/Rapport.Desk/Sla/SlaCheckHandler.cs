using Microsoft.EntityFrameworkCore;
using Rapport.Core.Sla;
using Rapport.Desk.Data;
using Rapport.Desk.Scheduling;

namespace Rapport.Desk.Sla;

/// <summary>
/// The <c>sla.check</c> due work: when a clock reaches its warning quarter, records a warning for the team's leads;
/// when it passes due, a breach. Re-reads the clock, so a stale or repeated run does nothing (the clock moved, paused,
/// stopped, or the alert is already recorded); schedules the next check itself.
/// </summary>
public sealed class SlaCheckHandler(TimeProvider time) : IDueWorkHandler
{
    public const string WorkKind = "sla.check";

    private Dictionary<long, long?> _assignees = [];
    private Dictionary<long, BusinessCalendar> _calendars = [];

    public string Kind => WorkKind;

    /// <summary>Loads the batch's clocks (tracked), assignees and calendars in three queries.</summary>
    public async Task PrepareAsync(IReadOnlyList<DueWork> batch, RapportDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(db);
        var ids = batch.Select(w => w.SubjectId).Distinct().ToList();
        var clocks = await db.SlaClocks.Where(c => ids.Contains(c.ConversationId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        _assignees = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.AssigneeId, cancellationToken).ConfigureAwait(false);
        _calendars = await SlaCalendars.LoadAsync(db, clocks.Select(c => c.TeamId), cancellationToken).ConfigureAwait(false);
    }

    public async Task HandleAsync(DueWork work, RapportDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(db);
        var clock = await db.SlaClocks.FindAsync([work.SubjectId], cancellationToken).ConfigureAwait(false);
        if (clock is null || clock.PausedAt is not null || clock.BreachedAt is not null)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (clock.TeamId is { } team && !_calendars.ContainsKey(team))
        {
            _calendars = new(_calendars.Concat(await SlaCalendars.LoadAsync(db, [team], cancellationToken).ConfigureAwait(false)));
        }

        var reading = SlaCalendars.Read(clock, SlaCalendars.For(_calendars, clock.TeamId), now);
        clock.DueAt = reading.DueAt;
        if (!_assignees.TryGetValue(clock.ConversationId, out var assignee))
        {
            assignee = await db.Conversations.Where(c => c.Id == clock.ConversationId).Select(c => c.AssigneeId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        }
        if (reading.State is SlaClockState.Warning or SlaClockState.Breached && clock.WarnedAt is null)
        {
            clock.WarnedAt = now;
            db.SlaAlerts.Add(new SlaAlert { ConversationId = clock.ConversationId, Kind = SlaAlertKind.Warning, CreatedAt = now, DueAt = reading.DueAt, TeamId = clock.TeamId, AssigneeId = assignee });
        }

        if (reading.State == SlaClockState.Breached)
        {
            clock.BreachedAt = now;
            db.SlaAlerts.Add(new SlaAlert { ConversationId = clock.ConversationId, Kind = SlaAlertKind.Breach, CreatedAt = now, DueAt = reading.DueAt, TeamId = clock.TeamId, AssigneeId = assignee });
            return;
        }

        await DueWorkSchedule.ScheduleAsync(db, WorkKind, clock.ConversationId, clock.WarnedAt is null ? reading.WarnAt : reading.DueAt, now, cancellationToken).ConfigureAwait(false);
    }
}
