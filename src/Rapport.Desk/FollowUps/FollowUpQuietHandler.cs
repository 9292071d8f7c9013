using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;
using Rapport.Desk.Scheduling;

namespace Rapport.Desk.FollowUps;

/// <summary>
/// The <c>followup.quiet</c> due work (subject: a conversation waiting on its customer): the first time, posts one
/// gentle reminder and waits the same delay again; the second time, closes the conversation. Re-reads the follow-up and
/// the conversation, so a repeated or stale run does nothing (the customer replied, the status changed, already done).
/// </summary>
public sealed class FollowUpQuietHandler(TimeProvider time, PriorityCalculator priority) : IDueWorkHandler
{
    public const string WorkKind = "followup.quiet";

    public string Kind => WorkKind;

    public async Task HandleAsync(DueWork work, RapportDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(db);
        var now = time.GetUtcNow();
        var followUp = await db.FollowUps
            .Where(f => f.ConversationId == work.SubjectId && f.Kind == FollowUpKind.Quiet && (f.State == FollowUpState.Scheduled || f.State == FollowUpState.Reminded))
            .OrderByDescending(f => f.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (followUp is null)
        {
            return;
        }

        if (followUp.DueAt > now)
        {
            await DueWorkSchedule.ScheduleAsync(db, WorkKind, work.SubjectId, followUp.DueAt, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        var conversation = await db.Conversations.Include(c => c.Customer).FirstOrDefaultAsync(c => c.Id == work.SubjectId, cancellationToken).ConfigureAwait(false);
        if (conversation is null || conversation.Status != ConversationStatus.Pending)
        {
            followUp.State = FollowUpState.Cancelled;
            followUp.DoneAt = now;
            followUp.Outcome = "cancelled: no longer pending";
            return;
        }

        var wait = followUp.DueAt - followUp.CreatedAt;
        if (followUp.State == FollowUpState.Scheduled)
        {
            db.Messages.Add(new Message
            {
                ConversationId = conversation.Id,
                Author = MessageAuthor.Assistant,
                Body = FollowUpRules.QuietReminder(conversation.Customer?.Name, (int)Math.Round(wait.TotalHours)),
                Channel = conversation.Channel,
                CreatedAt = now,
            });
            followUp.State = FollowUpState.Reminded;
            followUp.RemindedAt = now;
            followUp.DueAt = now + wait;
            await DueWorkSchedule.ScheduleAsync(db, WorkKind, work.SubjectId, followUp.DueAt, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Done before the status changes, so the interceptor's "left pending" does not cancel it.
        followUp.State = FollowUpState.Done;
        followUp.DoneAt = now;
        followUp.Outcome = "closed: no reply after the reminder";
        conversation.Status = ConversationStatus.Closed;
        conversation.ResolvedAt ??= now;
        conversation.WaitingSince = null;
        await ConversationPriority.RecomputeAsync(db, priority, time, conversation, cancellationToken).ConfigureAwait(false);
    }
}
