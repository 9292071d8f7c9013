using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;
using Rapport.Desk.Scheduling;

namespace Rapport.Desk.Sla;

/// <summary>
/// Keeps each conversation's <see cref="SlaClock"/> in step with the conversation, in the same save that changes it,
/// wherever the change comes from (API, workspace, demo seed): the clock starts when the customer starts waiting,
/// pauses while the conversation is pending (waiting on the customer), tightens when the customer's latest message
/// reads high escalation risk or rising frustration, and stops with an <see cref="SlaOutcome"/> when an agent replies
/// (docs/sla.md). It also keeps the <c>sla.check</c> due work at the clock's next warning or breach time.
/// The bulk import keeps the clocks of what it writes itself, with the same rules (<see cref="SlaClockRules"/>) measured
/// from the messages' timestamps (docs/import.md, "Timers").
/// </summary>
public sealed class SlaClockInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        // The import keeps the clocks of the conversations it writes itself, from the messages' timestamps (Importing/ImportTimers).
        if (eventData.Context is RapportDbContext { ImportKeepsTimers: false } db)
        {
            await TrackAsync(db, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is RapportDbContext db && db.ChangeTracker.Entries<Conversation>().Any(e => e.State is EntityState.Added or EntityState.Modified))
        {
            // The desk saves asynchronously everywhere; a synchronous save of a conversation would skip its clock.
            throw new InvalidOperationException("Conversations are saved with SaveChangesAsync so their SLA clock is kept.");
        }

        return result;
    }

    private async Task TrackAsync(RapportDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var added = db.ChangeTracker.Entries<Message>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var changed = db.ChangeTracker.Entries<Conversation>()
            .Where(e => (e.State == EntityState.Modified && (Relevant(e) || added.Any(m => m.ConversationId == e.Entity.Id)))
                || (e.State == EntityState.Added && e.Entity.WaitingSince is not null))
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var ids = changed.Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList();
        var clocks = await db.SlaClocks.Where(k => ids.Contains(k.ConversationId)).ToDictionaryAsync(k => k.ConversationId, cancellationToken).ConfigureAwait(false);
        foreach (var entry in changed)
        {
            var conversation = entry.Entity;
            var isNew = entry.State == EntityState.Added;
            clocks.TryGetValue(conversation.Id, out var clock);
            var messages = isNew ? [] : added.Where(m => m.ConversationId == conversation.Id).ToList();
            var reply = messages.LastOrDefault(m => m.Author == MessageAuthor.Agent);
            var customer = messages.LastOrDefault(m => m.Author == MessageAuthor.Customer);
            var waiting = conversation.WaitingSince is not null && conversation.Status is ConversationStatus.Open or ConversationStatus.Pending;
            var teamId = await TeamOfAsync(db, conversation.AssigneeId, cancellationToken).ConfigureAwait(false);
            var calendars = await SlaCalendars.LoadAsync(db, [teamId, clock?.TeamId], cancellationToken).ConfigureAwait(false);

            if (clock is not null && (!waiting || clock.StartedAt != conversation.WaitingSince))
            {
                if (reply is not null)
                {
                    var reading = SlaCalendars.Read(clock, SlaCalendars.For(calendars, clock.TeamId), reply.CreatedAt);
                    db.SlaOutcomes.Add(new SlaOutcome
                    {
                        ConversationId = conversation.Id,
                        Kind = clock.Kind,
                        AgentId = reply.AgentId,
                        TeamId = await TeamOfAsync(db, reply.AgentId, cancellationToken).ConfigureAwait(false),
                        StartedAt = clock.StartedAt,
                        DueAt = reading.DueAt,
                        RespondedAt = reply.CreatedAt,
                        Met = reply.CreatedAt <= reading.DueAt,
                        TightenedBy = clock.TightenedBy,
                    });
                }

                db.SlaClocks.Remove(clock);
                await DueWorkSchedule.CancelAsync(db, SlaCheckHandler.WorkKind, conversation.Id, cancellationToken).ConfigureAwait(false);
                clock = null;
            }

            if (!waiting)
            {
                continue;
            }

            if (clock is null)
            {
                var band = SlaPriorityBands.From(conversation.Priority);
                var policy = await db.SlaPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Channel == conversation.Channel && p.Priority == band, cancellationToken).ConfigureAwait(false)
                    ?? SlaDefaults.Policy(conversation.Channel, band);
                var previous = isNew ? 0 : await PreviousFrustrationAsync(db, conversation.Id, cancellationToken).ConfigureAwait(false);
                clock = SlaClockRules.Start(
                    conversation, band, policy, customer?.Reading?.EscalationRisk ?? conversation.EscalationRisk, SlaCalendars.Frustration(customer?.Reading), previous,
                    conversation.Status == ConversationStatus.Pending ? now : null);
                if (isNew)
                {
                    clock.Conversation = conversation;
                }
                else
                {
                    clock.ConversationId = conversation.Id;
                }

                db.SlaClocks.Add(clock);
            }
            else
            {
                if (customer?.Reading is { } latest)
                {
                    SlaClockRules.OnCustomerMessage(clock, latest);
                }

                var calendar = SlaCalendars.For(calendars, clock.TeamId);
                if (conversation.Status == ConversationStatus.Pending && clock.PausedAt is null)
                {
                    clock.PausedAt = now;
                }
                else if (conversation.Status != ConversationStatus.Pending && clock.PausedAt is { } pausedAt)
                {
                    clock.PausedSeconds += (long)calendar.Between(pausedAt, now).TotalSeconds;
                    clock.PausedAt = null;
                }
            }

            clock.TeamId = teamId;
            var now2 = SlaCalendars.Read(clock, SlaCalendars.For(calendars, teamId), now);
            clock.DueAt = now2.DueAt;
            if (clock.PausedAt is not null || clock.BreachedAt is not null)
            {
                await DueWorkSchedule.CancelAsync(db, SlaCheckHandler.WorkKind, conversation.Id, cancellationToken).ConfigureAwait(false);
            }
            else if (!isNew)
            {
                await DueWorkSchedule.ScheduleAsync(db, SlaCheckHandler.WorkKind, conversation.Id, clock.WarnedAt is null ? now2.WarnAt : now2.DueAt, now, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // A priority refresh or a label change leaves the clock as it is; only these move it.
    private static bool Relevant(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<Conversation> entry) =>
        entry.Property(c => c.Status).IsModified || entry.Property(c => c.WaitingSince).IsModified
        || entry.Property(c => c.AssigneeId).IsModified || entry.Property(c => c.FirstResponseAt).IsModified;

    private static async Task<long?> TeamOfAsync(RapportDbContext db, long? agentId, CancellationToken cancellationToken) =>
        agentId is { } id
            ? await db.Agents.AsNoTracking().Where(a => a.Id == id).Select(a => a.TeamId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;

    private static async Task<double> PreviousFrustrationAsync(RapportDbContext db, long conversationId, CancellationToken cancellationToken)
    {
        // The latest stored customer reading: the message of this save is not stored yet, so this is the one before it.
        var previous = await db.MessageReadings.AsNoTracking()
            .Where(r => db.Messages.Any(m => m.Id == r.MessageId && m.ConversationId == conversationId && m.Author == MessageAuthor.Customer))
            .OrderByDescending(r => r.MessageId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return SlaCalendars.Frustration(previous);
    }
}
