using Microsoft.EntityFrameworkCore;
using Rapport.Core.Sla;
using Rapport.Desk.Data;
using Rapport.Desk.Notifications;
using Rapport.Desk.Scheduling;

namespace Rapport.Desk.Sla;

/// <summary>
/// The <c>sla.check</c> due work: when a clock reaches its warning quarter, records a warning for the team's leads;
/// when it passes due, a breach. Re-reads the clock, so a stale or repeated run does nothing (the clock moved, paused,
/// stopped, or the alert is already recorded); schedules the next check itself. Each alert notifies the assignee and
/// the leads of the clock's team (every lead when there is no team: docs/notifications.md).
/// </summary>
public sealed class SlaCheckHandler(TimeProvider time, Notifier notifier) : IDueWorkHandler
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
            if (reading.State == SlaClockState.Warning)
            {
                // A clock found already past due (a late sweep, a restart) tells of the breach only: "warning, due 49 min ago" is noise.
                await NotifyAsync(db, clock, NotificationKind.SlaWarning, assignee, reading.DueAt, now, cancellationToken).ConfigureAwait(false);
            }
        }

        if (reading.State == SlaClockState.Breached)
        {
            clock.BreachedAt = now;
            db.SlaAlerts.Add(new SlaAlert { ConversationId = clock.ConversationId, Kind = SlaAlertKind.Breach, CreatedAt = now, DueAt = reading.DueAt, TeamId = clock.TeamId, AssigneeId = assignee });
            await NotifyAsync(db, clock, NotificationKind.SlaBreach, assignee, reading.DueAt, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        await DueWorkSchedule.ScheduleAsync(db, WorkKind, clock.ConversationId, clock.WarnedAt is null ? reading.WarnAt : reading.DueAt, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task NotifyAsync(RapportDbContext db, SlaClock clock, NotificationKind kind, long? assignee, DateTimeOffset dueAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leads = await notifier.LeadsAsync(db, clock.TeamId, cancellationToken).ConfigureAwait(false);
        await Notifier.AddAsync(db, [assignee, .. leads.Select(l => (long?)l)], kind, Notifier.SlaKey(kind, clock.ConversationId, clock.StartedAt),
            clock.ConversationId, null, dueAt, now, cancellationToken).ConfigureAwait(false);
    }
}
