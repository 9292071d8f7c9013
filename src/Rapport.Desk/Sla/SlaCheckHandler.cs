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

    public string Kind => WorkKind;

    public async Task HandleAsync(DueWork work, RapportDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(db);
        var clock = await db.SlaClocks.FirstOrDefaultAsync(c => c.ConversationId == work.SubjectId, cancellationToken).ConfigureAwait(false);
        if (clock is null || clock.PausedAt is not null || clock.BreachedAt is not null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var calendars = await SlaCalendars.LoadAsync(db, [clock.TeamId], cancellationToken).ConfigureAwait(false);
        var reading = SlaCalendars.Read(clock, SlaCalendars.For(calendars, clock.TeamId), now);
        clock.DueAt = reading.DueAt;
        var assignee = await db.Conversations.Where(c => c.Id == clock.ConversationId).Select(c => c.AssigneeId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
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
