using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;
using Rapport.Desk.Notifications;
using Rapport.Desk.Scheduling;

namespace Rapport.Desk.Promises;

/// <summary>
/// The <c>promise.check</c> due work (subject: a conversation). Re-reads the conversation's open promises: records the
/// reminder of each whose reminder time has come, breaks each whose due time has passed (the conversation's priority
/// rises, and its reason says which promise), and schedules itself at the next reminder or due time. Running it twice
/// changes nothing the first run did not. A reminder notifies the agent who promised; a broken promise that agent and
/// the leads of their team (docs/notifications.md).
/// </summary>
public sealed class PromiseCheckHandler(TimeProvider time, PriorityCalculator priority, Notifier notifier) : IDueWorkHandler
{
    public const string WorkKind = "promise.check";

    public string Kind => WorkKind;

    public async Task HandleAsync(DueWork work, RapportDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(db);
        var now = time.GetUtcNow();
        var open = await db.Promises.Where(p => p.ConversationId == work.SubjectId && p.Status == PromiseStatus.Open)
            .OrderBy(p => p.DueAt).ThenBy(p => p.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        Promise? broken = null;
        DateTimeOffset? next = null;
        foreach (var promise in open)
        {
            if (promise.DueAt <= now)
            {
                promise.Status = PromiseStatus.Broken;
                promise.BrokenAt = now;
                broken = promise;
                var leads = await notifier.LeadsAsync(db, await Notifier.TeamOfAsync(db, promise.AgentId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                await Notifier.AddAsync(db, [promise.AgentId, .. leads.Select(l => (long?)l)], NotificationKind.PromiseBroken, Notifier.PromiseKey(NotificationKind.PromiseBroken, promise.Id),
                    promise.ConversationId, promise.Id, promise.DueAt, now, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (promise.RemindedAt is null && promise.RemindAt <= now)
            {
                promise.RemindedAt = now;
                await Notifier.AddAsync(db, [promise.AgentId], NotificationKind.PromiseReminder, Notifier.PromiseKey(NotificationKind.PromiseReminder, promise.Id),
                    promise.ConversationId, promise.Id, promise.DueAt, now, cancellationToken).ConfigureAwait(false);
            }

            var at = promise.RemindedAt is null ? promise.RemindAt : promise.DueAt;
            next = next is { } n && n <= at ? n : at;
        }

        if (broken is not null)
        {
            var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == work.SubjectId, cancellationToken).ConfigureAwait(false);
            if (conversation is not null)
            {
                conversation.BrokenPromise = PromiseRules.Describe(broken.Kind, broken.When);
                await ConversationPriority.RecomputeAsync(db, priority, time, conversation, cancellationToken).ConfigureAwait(false);
            }
        }

        if (next is { } due)
        {
            await DueWorkSchedule.ScheduleAsync(db, WorkKind, work.SubjectId, due, now, cancellationToken).ConfigureAwait(false);
        }
    }
}
