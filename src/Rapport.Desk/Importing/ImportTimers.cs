using Microsoft.EntityFrameworkCore;
using Rapport.Core.Sla;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;
using Rapport.Desk.FollowUps;
using Rapport.Desk.Notifications;
using Rapport.Desk.Promises;
using Rapport.Desk.Sla;

namespace Rapport.Desk.Importing;

/// <summary>
/// What an import batch starts, as if its messages had been posted live at their timestamps but sane for an archive
/// (docs/import.md, "Timers"): an SLA clock for each customer left waiting (breached at once when already past its
/// target, told in one summary per team), the promises of imported agent replies that are still due, and the
/// quiet-customer timer of each conversation left waiting on its customer. Runs after the batch's rows are inserted
/// and before its save, in its transaction, over the whole batch at once; the rules are the live ones
/// (<see cref="SlaClockRules"/>, <see cref="PromiseLedger.Detect"/>, <see cref="FollowUpRules.QuietSpell"/>). One
/// instance per import request (it keeps the SLA policies).
/// </summary>
internal sealed class ImportTimers(RapportDbContext db, Notifier notifier, FollowUpOptions followUpOptions)
{
    /// <summary>
    /// No quiet-customer reminder the import starts goes out sooner than this after it: the rest of the file (the CLI
    /// sends it in chunks) may still bring the customer's answer, and a reminder stored meanwhile would make that answer
    /// older than the newest message, so it would no longer reopen the conversation (docs/decisions/0011-import.md).
    /// </summary>
    public static readonly TimeSpan QuietGrace = TimeSpan.FromHours(1);

    private Dictionary<(Channel, SlaPriority), SlaPolicy>? _policies;

    /// <summary>
    /// Plans the batch's timers: changes to what is stored are made on the (tracked) context; new rows are returned,
    /// to be inserted in bulk after the save (<see cref="ImportTimerRows.InsertAsync"/>), so that a clock replaced in
    /// the same batch is updated in place rather than deleted and inserted again.
    /// </summary>
    public async Task<ImportTimerRows> PlanAsync(ImportBatchContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _policies ??= (await db.SlaPolicies.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(p => (p.Channel, p.Priority));
        var state = await ImportTimerState.LoadAsync(db, context, followUpOptions, now, cancellationToken).ConfigureAwait(false);
        var rows = new ImportTimerRows(state.DueWork);
        var late = new List<ImportSlaSummary.Late>();
        foreach (var conversation in context.Conversations)
        {
            // A stored conversation that only received older history keeps its state, so its timers stand.
            if (conversation.Moved)
            {
                KeepClock(conversation, context, state, rows, late, now);
                KeepQuietTimer(conversation, state, rows, now);
            }
        }

        FindPromises(context, state, rows, now, cancellationToken);
        await ImportSlaSummary.AddAsync(db, notifier, late, now, cancellationToken).ConfigureAwait(false);
        rows.Breached = late.Count;
        return rows;
    }

    /// <summary>The response clock of a customer left waiting, as <see cref="SlaClockInterceptor"/> keeps it live.</summary>
    private void KeepClock(ImportedConversation conversation, ImportBatchContext context, ImportTimerState state, ImportTimerRows rows, List<ImportSlaSummary.Late> late, DateTimeOffset now)
    {
        var entity = conversation.Entity;
        var waiting = entity.WaitingSince is not null && entity.Status is ConversationStatus.Open or ConversationStatus.Pending;
        var clock = conversation.Created ? null : state.Clocks.GetValueOrDefault(entity.Id);
        SlaClock? ended = null;
        if (clock is not null && (!waiting || clock.StartedAt != entity.WaitingSince))
        {
            // The wait it measured ended: an imported reply answered it (imported replies are history from another desk
            // and are not measured against this desk's targets), or a new wait began.
            ended = clock;
            clock = null;
            state.DueWork.Cancel(SlaCheckHandler.WorkKind, entity.Id);
        }

        if (!waiting)
        {
            if (ended is not null)
            {
                db.SlaClocks.Remove(ended);
            }

            return;
        }

        var started = clock is null;
        if (clock is null)
        {
            var fresh = Start(conversation, context, now);
            if (ended is not null)
            {
                // The same row (its key is the conversation): updated in place, so the save needs no delete and insert.
                Overwrite(ended, fresh);
                clock = ended;
            }
            else
            {
                fresh.ConversationId = entity.Id;
                rows.Clocks.Add(fresh);
                clock = fresh;
            }

            rows.ClocksStarted++;
        }
        else
        {
            foreach (var reading in conversation.CurrentCustomerReadings)
            {
                SlaClockRules.OnCustomerMessage(clock, reading);
            }

            var calendar = state.Calendar(clock.TeamId);
            if (entity.Status == ConversationStatus.Pending && clock.PausedAt is null)
            {
                clock.PausedAt = now;
            }
            else if (entity.Status != ConversationStatus.Pending && clock.PausedAt is { } pausedAt)
            {
                clock.PausedSeconds += (long)calendar.Between(pausedAt, now).TotalSeconds;
                clock.PausedAt = null;
            }
        }

        var teamId = state.TeamOf(entity.AssigneeId);
        clock.TeamId = teamId;
        var read = SlaCalendars.Read(clock, state.Calendar(teamId), now);
        clock.DueAt = read.DueAt;
        if (started && read.State == SlaClockState.Breached)
        {
            // Already late when it arrives: breached now, with its alert, and told in the team's summary, not one by one.
            clock.WarnedAt = now;
            clock.BreachedAt = now;
            rows.Alerts.Add(new SlaAlert
            {
                ConversationId = entity.Id, Kind = SlaAlertKind.Breach, CreatedAt = now, DueAt = read.DueAt, TeamId = teamId, AssigneeId = entity.AssigneeId,
            });
            late.Add(new ImportSlaSummary.Late(entity.Id, teamId, entity.AssigneeId, read.DueAt));
        }

        if (clock.PausedAt is not null || clock.BreachedAt is not null)
        {
            state.DueWork.Cancel(SlaCheckHandler.WorkKind, entity.Id);
        }
        else
        {
            // Ahead of its target: the normal warning and breach checks (a warning time already passed warns at the next sweep).
            state.DueWork.Schedule(SlaCheckHandler.WorkKind, entity.Id, clock.WarnedAt is null ? read.WarnAt : read.DueAt);
        }
    }

    /// <summary>
    /// A clock started at the wait's first customer message, as the interceptor starts it live: its policy chosen by the
    /// priority band the conversation had then (no waiting time yet, so an archive's long waits do not pick a stricter
    /// band), tightened by that message and by each later one of the wait, never loosened.
    /// </summary>
    private SlaClock Start(ImportedConversation conversation, ImportBatchContext context, DateTimeOffset now)
    {
        var entity = conversation.Entity;
        var since = entity.WaitingSince!.Value;
        var readings = conversation.CustomerReadingsSince(since, out var before);
        var first = readings.Count > 0 ? readings[0] : null;
        var risk = first?.EscalationRisk ?? entity.EscalationRisk;
        var then = PriorityCalculator.Compute(
            new PriorityInputs(
                ConversationStatus.Open, first?.Labels ?? [], risk, first?.Intensity ?? 0, since,
                [.. context.OtherContacts(conversation).Where(c => c <= since)], conversation.Customer.Tags, entity.BrokenPromise),
            since);
        var band = SlaPriorityBands.From(then.Score);
        var policy = _policies!.GetValueOrDefault((entity.Channel, band)) ?? SlaDefaults.Policy(entity.Channel, band);
        var clock = SlaClockRules.Start(
            entity, band, policy, risk, SlaCalendars.Frustration(first), SlaCalendars.Frustration(before), entity.Status == ConversationStatus.Pending ? now : null);
        foreach (var later in readings.Skip(1))
        {
            SlaClockRules.OnCustomerMessage(clock, later);
        }

        return clock;
    }

    private static void Overwrite(SlaClock target, SlaClock source)
    {
        target.Kind = source.Kind;
        target.Priority = source.Priority;
        target.StartedAt = source.StartedAt;
        target.BaseTargetSeconds = source.BaseTargetSeconds;
        target.TargetSeconds = source.TargetSeconds;
        target.TightenedBy = source.TightenedBy;
        target.LastFrustration = source.LastFrustration;
        target.PausedAt = source.PausedAt;
        target.PausedSeconds = 0;
        target.WarnedAt = null;
        target.BreachedAt = null;
    }

    /// <summary>
    /// The quiet-customer timer, as <see cref="FollowUpInterceptor"/> keeps it live but measured from the agent's last
    /// message: a conversation left pending starts one; one that leaves pending (the customer replied) cancels it; a
    /// reopened one cancels its check-in. A reminder already due goes out once, at the first sweep after
    /// <see cref="QuietGrace"/>, and the closing the usual delay after it: its spell counts as if it had begun then
    /// minus the delay (the handler waits <c>DueAt - CreatedAt</c> again after the reminder), not as a back-dated burst.
    /// </summary>
    private static void KeepQuietTimer(ImportedConversation conversation, ImportTimerState state, ImportTimerRows rows, DateTimeOffset now)
    {
        var entity = conversation.Entity;
        var (before, after) = (conversation.StatusBefore, entity.Status);
        if (!conversation.Created)
        {
            if (before == ConversationStatus.Pending && after != ConversationStatus.Pending)
            {
                Cancel(state, entity.Id, FollowUpKind.Quiet, after == ConversationStatus.Open ? "cancelled: the customer replied" : $"cancelled: {after.ToString().ToLowerInvariant()}", now, keepWork: false);
            }

            if (before is ConversationStatus.Resolved or ConversationStatus.Closed && after is ConversationStatus.Open or ConversationStatus.Pending)
            {
                Cancel(state, entity.Id, FollowUpKind.Resolved, "cancelled: reopened", now, keepWork: false);
            }
        }

        if (after != ConversationStatus.Pending || !(conversation.Created || before != ConversationStatus.Pending || conversation.AgentWroteNow))
        {
            return;
        }

        if (!conversation.Created && before == ConversationStatus.Pending)
        {
            // The agent wrote again: the customer's silence counts from that message; the due-work row is moved.
            Cancel(state, entity.Id, FollowUpKind.Quiet, "replaced: the agent wrote again", now, keepWork: true);
        }

        var quietAfter = state.QuietAfter(entity.AssigneeId);
        var earliest = now + QuietGrace - quietAfter;
        var since = conversation.LastAgentMessageAt is { } last && last > earliest ? last : earliest;
        var followUp = FollowUpRules.QuietSpell(entity.Id, since, quietAfter);
        rows.FollowUps.Add(followUp);
        state.DueWork.Schedule(FollowUpQuietHandler.WorkKind, entity.Id, followUp.DueAt);
    }

    private static void Cancel(ImportTimerState state, long conversationId, FollowUpKind kind, string outcome, DateTimeOffset now, bool keepWork)
    {
        foreach (var followUp in state.FollowUps[conversationId].Where(f => f.Kind == kind && FollowUpStates.IsActive(f.State)))
        {
            followUp.State = FollowUpState.Cancelled;
            followUp.DoneAt = now;
            followUp.Outcome = outcome;
        }

        if (!keepWork)
        {
            state.DueWork.Cancel(kind == FollowUpKind.Quiet ? FollowUpQuietHandler.WorkKind : FollowUpCheckHandler.WorkKind, conversationId);
        }
    }

    /// <summary>
    /// The promises of the batch's agent replies whose due time, read from the reply's timestamp in the agent's team's
    /// time zone as the live ledger reads it, is still ahead: tracked, with one check row per conversation at the earliest
    /// reminder. Those already due are history (kept or broken elsewhere, unknowable here) and are not recorded.
    /// </summary>
    private static void FindPromises(ImportBatchContext context, ImportTimerState state, ImportTimerRows rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var replies = context.Conversations.SelectMany(c => c.Added).Where(m => m.Author == MessageAuthor.Agent).ToList();
        var found = new List<Promise>[replies.Count];
        Parallel.For(0, replies.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            found[i] = PromiseLedger.Detect(replies[i], replies[i].CreatedAt, state.ZoneOf(replies[i].AgentId)).FindAll(p => p.DueAt > now));
        foreach (var promise in found.SelectMany(f => f))
        {
            rows.Promises.Add(promise);
            state.DueWork.ScheduleBy(PromiseCheckHandler.WorkKind, promise.ConversationId, promise.RemindAt);
        }
    }
}
