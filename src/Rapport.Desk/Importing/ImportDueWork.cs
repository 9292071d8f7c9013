using Rapport.Desk.Data;
using Rapport.Desk.Scheduling;

namespace Rapport.Desk.Importing;

/// <summary>
/// The due-work rows of one import batch: the pending rows of its stored conversations (tracked, moved or removed as
/// <see cref="DueWorkSchedule"/> would) and the new ones, which the batch inserts in bulk. One pending row per kind
/// and conversation, as everywhere else.
/// </summary>
internal sealed class ImportDueWork(RapportDbContext db, Dictionary<(string Kind, long SubjectId), DueWork> pending, DateTimeOffset now)
{
    private readonly Dictionary<(string Kind, long SubjectId), DueWork> _added = [];

    /// <summary>The rows to insert.</summary>
    public IReadOnlyCollection<DueWork> Added => _added.Values;

    /// <summary>Makes sure one pending row of <paramref name="kind"/> for the conversation is due at <paramref name="dueAt"/>.</summary>
    public void Schedule(string kind, long conversationId, DateTimeOffset dueAt)
    {
        var key = (kind, conversationId);
        if (pending.TryGetValue(key, out var row) || _added.TryGetValue(key, out row))
        {
            row.DueAt = dueAt.ToUniversalTime();
            return;
        }

        _added[key] = new DueWork { Kind = kind, SubjectId = conversationId, DueAt = dueAt.ToUniversalTime(), CreatedAt = now.ToUniversalTime() };
    }

    /// <summary>As <see cref="Schedule"/>, but a pending row due earlier stays (one check row for several promises).</summary>
    public void ScheduleBy(string kind, long conversationId, DateTimeOffset dueAt)
    {
        var key = (kind, conversationId);
        if ((pending.TryGetValue(key, out var row) || _added.TryGetValue(key, out row)) && row.DueAt <= dueAt)
        {
            return;
        }

        Schedule(kind, conversationId, dueAt);
    }

    /// <summary>Drops the pending row of <paramref name="kind"/> for the conversation, if any.</summary>
    public void Cancel(string kind, long conversationId)
    {
        var key = (kind, conversationId);
        _added.Remove(key);
        if (pending.Remove(key, out var row))
        {
            db.DueWork.Remove(row);
        }
    }
}
