using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;
using Rapport.Desk.Scheduling;

namespace Rapport.Desk.FollowUps;

/// <summary>
/// Keeps follow-ups in step with conversations in the same save that changes them, wherever the change comes from:
/// resolving schedules the check-in (or asks a lead to review first), reopening cancels it; going pending starts the
/// quiet-customer timer, a new agent message on a pending conversation starts it over, and leaving pending (the
/// customer replied, or the status changed) cancels it (docs/follow-ups.md).
/// </summary>
public sealed class FollowUpInterceptor(TimeProvider time, IOptions<FollowUpOptions> options) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        // The import keeps the follow-ups of the conversations it writes itself (Importing/ImportTimers).
        if (eventData.Context is RapportDbContext { ImportKeepsTimers: false } db)
        {
            await TrackAsync(db, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task TrackAsync(RapportDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var modified = db.ChangeTracker.Entries<Conversation>().Where(e => e.State == EntityState.Modified).ToList();
        if (modified.Count == 0)
        {
            return;
        }

        var agentWrote = db.ChangeTracker.Entries<Message>()
            .Where(e => e.State == EntityState.Added && e.Entity.Author == MessageAuthor.Agent)
            .Select(e => e.Entity.ConversationId).ToHashSet();
        var now = time.GetUtcNow();
        foreach (var entry in modified)
        {
            var conversation = entry.Entity;
            var status = entry.Property(c => c.Status);
            var before = status.OriginalValue;
            var after = conversation.Status;
            if (status.IsModified && before != after)
            {
                if (before == ConversationStatus.Pending)
                {
                    await CancelAsync(db, conversation.Id, FollowUpKind.Quiet, after == ConversationStatus.Open ? "cancelled: the customer replied" : $"cancelled: {Word(after)}", now, cancellationToken).ConfigureAwait(false);
                }

                if (before is ConversationStatus.Resolved or ConversationStatus.Closed && after is ConversationStatus.Open or ConversationStatus.Pending)
                {
                    await CancelAsync(db, conversation.Id, FollowUpKind.Resolved, "cancelled: reopened", now, cancellationToken).ConfigureAwait(false);
                }

                if (after == ConversationStatus.Resolved)
                {
                    await ScheduleCheckInAsync(db, conversation, now, cancellationToken).ConfigureAwait(false);
                }
                else if (after == ConversationStatus.Pending)
                {
                    await ScheduleQuietAsync(db, conversation, now, cancellationToken).ConfigureAwait(false);
                }
            }
            else if (after == ConversationStatus.Pending && agentWrote.Contains(conversation.Id))
            {
                // The agent wrote again (asked again): the customer's silence counts from now.
                // Its due work row is moved, not dropped and added (a dropped row tracked as deleted would swallow the move).
                await CancelAsync(db, conversation.Id, FollowUpKind.Quiet, "replaced: the agent wrote again", now, cancellationToken, keepWork: true).ConfigureAwait(false);
                await ScheduleQuietAsync(db, conversation, now, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ScheduleCheckInAsync(RapportDbContext db, Conversation conversation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (followUpAfter, _) = await DelaysAsync(db, conversation.AssigneeId, cancellationToken).ConfigureAwait(false);
        var last = await db.MessageReadings.AsNoTracking()
            .Where(r => db.Messages.Any(m => m.Id == r.MessageId && m.ConversationId == conversation.Id && m.Author == MessageAuthor.Customer))
            .OrderByDescending(r => r.MessageId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var upset = FollowUpRules.Upset(last);
        var followUp = new FollowUp
        {
            ConversationId = conversation.Id,
            Kind = FollowUpKind.Resolved,
            State = upset is null ? FollowUpState.Scheduled : FollowUpState.NeedsReview,
            CreatedAt = now,
            DueAt = now + followUpAfter,
            UpsetReason = upset,
        };
        db.FollowUps.Add(followUp);
        if (upset is null)
        {
            await DueWorkSchedule.ScheduleAsync(db, FollowUpCheckHandler.WorkKind, conversation.Id, followUp.DueAt, now, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ScheduleQuietAsync(RapportDbContext db, Conversation conversation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (_, quietAfter) = await DelaysAsync(db, conversation.AssigneeId, cancellationToken).ConfigureAwait(false);
        var followUp = FollowUpRules.QuietSpell(conversation.Id, now, quietAfter);
        db.FollowUps.Add(followUp);
        await DueWorkSchedule.ScheduleAsync(db, FollowUpQuietHandler.WorkKind, conversation.Id, followUp.DueAt, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The delays of the assignee's team, else the defaults.</summary>
    internal async Task<(TimeSpan FollowUpAfter, TimeSpan QuietAfter)> DelaysAsync(RapportDbContext db, long? assigneeId, CancellationToken cancellationToken)
    {
        var settings = assigneeId is { } agent
            ? await db.TeamFollowUpSettings.AsNoTracking()
                .Where(s => db.Agents.Any(a => a.Id == agent && a.TeamId == s.TeamId))
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        return (TimeSpan.FromHours(settings?.FollowUpAfterHours ?? options.Value.FollowUpAfterHours),
            TimeSpan.FromHours(settings?.QuietAfterHours ?? options.Value.QuietAfterHours));
    }

    private static async Task CancelAsync(RapportDbContext db, long conversationId, FollowUpKind kind, string outcome, DateTimeOffset now, CancellationToken cancellationToken, bool keepWork = false)
    {
        var stored = await db.FollowUps
            .Where(f => f.ConversationId == conversationId && f.Kind == kind && f.DoneAt == null)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Filtered again in memory: a handler may have finished one in this very save (tracked values win).
        foreach (var followUp in stored.Where(f => FollowUpStates.IsActive(f.State)))
        {
            followUp.State = FollowUpState.Cancelled;
            followUp.DoneAt = now;
            followUp.Outcome = outcome;
        }

        if (keepWork)
        {
            return;
        }

        var kindName = kind == FollowUpKind.Quiet ? FollowUpQuietHandler.WorkKind : FollowUpCheckHandler.WorkKind;
        await DueWorkSchedule.CancelAsync(db, kindName, conversationId, cancellationToken).ConfigureAwait(false);
    }

    private static string Word(ConversationStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>Which states still have a step to run.</summary>
public static class FollowUpStates
{
    public static bool IsActive(FollowUpState state) => state is FollowUpState.Scheduled or FollowUpState.NeedsReview or FollowUpState.Reminded;
}
