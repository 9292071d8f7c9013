using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;
using Rapport.Desk.Scheduling;
using Rapport.Desk.Surveys;

namespace Rapport.Desk.FollowUps;

/// <summary>
/// The <c>followup.check</c> due work (subject: a conversation): the check-in after resolution. Creates a survey and
/// posts an assistant message asking whether everything is still fine, with the survey link. Re-reads the follow-up,
/// so a repeated or stale run does nothing (already done, cancelled because the customer reopened it, or waiting for
/// a lead's review).
/// </summary>
public sealed class FollowUpCheckHandler(TimeProvider time, SurveyService surveys, IOptions<SurveyOptions> surveyOptions) : IDueWorkHandler
{
    public const string WorkKind = "followup.check";

    /// <summary>The path of the public survey page; links start with <see cref="SurveyOptions.PublicBaseUrl"/> when set.</summary>
    public const string SurveyPath = "/survey/";

    public string Kind => WorkKind;

    public async Task HandleAsync(DueWork work, RapportDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(db);
        var now = time.GetUtcNow();
        var followUp = await db.FollowUps
            .Where(f => f.ConversationId == work.SubjectId && f.Kind == FollowUpKind.Resolved && f.State == FollowUpState.Scheduled)
            .OrderBy(f => f.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (followUp is null)
        {
            return;
        }

        if (followUp.DueAt > now)
        {
            await DueWorkSchedule.ScheduleAsync(db, WorkKind, work.SubjectId, followUp.DueAt, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        var conversation = await db.Conversations.AsNoTracking().Include(c => c.Customer)
            .FirstOrDefaultAsync(c => c.Id == work.SubjectId, cancellationToken).ConfigureAwait(false);
        if (conversation is null || conversation.Status is not (ConversationStatus.Resolved or ConversationStatus.Closed))
        {
            followUp.State = FollowUpState.Cancelled;
            followUp.DoneAt = now;
            followUp.Outcome = "cancelled: reopened";
            return;
        }

        // SurveyService saves its survey on this same context (the sweeper's scope), inside the sweeper's transaction:
        // it commits or rolls back with the rest of the batch.
        var created = await surveys.CreateAsync(conversation.Id, cancellationToken).ConfigureAwait(false);
        if (created is null)
        {
            return;
        }

        var root = surveyOptions.Value.PublicBaseUrl?.TrimEnd('/') ?? "";
        db.Messages.Add(new Message
        {
            ConversationId = conversation.Id,
            Author = MessageAuthor.Assistant,
            Body = FollowUpRules.CheckIn(conversation.Customer?.Name, conversation.Subject, root + SurveyPath + created.Token),
            Channel = conversation.Channel,
            CreatedAt = now,
        });
        followUp.State = FollowUpState.Done;
        followUp.DoneAt = now;
        followUp.SurveyId = created.Survey.Id;
        followUp.Outcome = "check-in sent with survey";
    }
}
