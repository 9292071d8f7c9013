using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Data;

namespace Rapport.Desk.Scheduling;

/// <summary>Writes domain timers. Adds to the caller's context without saving, so the timer commits with the change that caused it.</summary>
public static class DueWorkSchedule
{
    public const int MaxKindLength = 64;

    /// <summary>
    /// Makes sure one unfinished row of <paramref name="kind"/> for <paramref name="subjectId"/> is due at
    /// <paramref name="dueAt"/>: moves the pending one (tracked or stored) or adds one. Idempotent.
    /// </summary>
    public static async Task ScheduleAsync(RapportDbContext db, string kind, long subjectId, DateTimeOffset dueAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        var pending = db.ChangeTracker.Entries<DueWork>().Select(e => e.Entity).FirstOrDefault(w => w.Kind == kind && w.SubjectId == subjectId && w.DoneAt == null)
            ?? await db.DueWork.FirstOrDefaultAsync(w => w.Kind == kind && w.SubjectId == subjectId && w.DoneAt == null, cancellationToken).ConfigureAwait(false);
        if (pending is null)
        {
            db.DueWork.Add(new DueWork { Kind = kind, SubjectId = subjectId, DueAt = dueAt.ToUniversalTime(), CreatedAt = now.ToUniversalTime() });
        }
        else
        {
            pending.DueAt = dueAt.ToUniversalTime();
        }
    }

    /// <summary>Drops the unfinished row of <paramref name="kind"/> for <paramref name="subjectId"/>, if any.</summary>
    public static async Task CancelAsync(RapportDbContext db, string kind, long subjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pending = await db.DueWork.Where(w => w.Kind == kind && w.SubjectId == subjectId && w.DoneAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);
        db.DueWork.RemoveRange(pending);
    }
}
