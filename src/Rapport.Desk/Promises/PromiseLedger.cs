using Microsoft.EntityFrameworkCore;
using Rapport.Core.Promises;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;
using Rapport.Desk.Scheduling;
using Rapport.Desk.Sla;

namespace Rapport.Desk.Promises;

/// <summary>
/// The promise ledger: commitments found in agent replies, stored with their due time, reminded, broken when their time
/// passes (raising the conversation's priority), and marked kept by the agent (docs/promises.md).
/// </summary>
public sealed class PromiseLedger(RapportDbContext db, TimeProvider time, PriorityCalculator priority)
{
    public const int MaxListed = 500;

    /// <summary>
    /// Finds the promises in a new agent reply and adds them (with the <c>promise.check</c> due work) to the context,
    /// without saving, so they commit with the reply. Due times are read in the time zone of the agent's team (its SLA
    /// hours), else UTC.
    /// </summary>
    /// <returns>How many promises were added.</returns>
    public static async Task<int> RecordAsync(RapportDbContext db, Message reply, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Author != MessageAuthor.Agent)
        {
            // A customer's "I'll call my bank" is not a promise of the desk.
            return 0;
        }

        var zone = TimeZoneInfo.Utc;
        if (reply.AgentId is { } agentId)
        {
            var zoneId = await db.Agents.AsNoTracking().Where(a => a.Id == agentId)
                .SelectMany(a => db.TeamHours.Where(h => h.TeamId == a.TeamId).Select(h => h.TimeZone))
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            zone = zoneId is null ? zone : TeamHoursText.Zone(zoneId) ?? zone;
        }

        var found = Detect(reply, now, zone);
        if (found.Count == 0)
        {
            return 0;
        }

        var first = DateTimeOffset.MaxValue;
        foreach (var promise in found)
        {
            promise.Message = reply;
            db.Promises.Add(promise);
            first = promise.RemindAt < first ? promise.RemindAt : first;
        }

        // One check row per conversation, at its earliest pending reminder or due time.
        var pending = await db.DueWork.AsNoTracking()
            .Where(w => w.Kind == PromiseCheckHandler.WorkKind && w.SubjectId == reply.ConversationId && w.DoneAt == null)
            .Select(w => (DateTimeOffset?)w.DueAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        await DueWorkSchedule.ScheduleAsync(db, PromiseCheckHandler.WorkKind, reply.ConversationId, pending is { } p && p < first ? p : first, now, cancellationToken).ConfigureAwait(false);
        return found.Count;
    }

    /// <summary>
    /// The open promises of an agent reply written at <paramref name="writtenAt"/>, due times read in
    /// <paramref name="zone"/> (the ledger's rule, shared with the import, which records those still due: docs/import.md).
    /// They name the reply by <see cref="Promise.MessageId"/> (0 until it is saved) and are not added to any context.
    /// </summary>
    public static List<Promise> Detect(Message reply, DateTimeOffset writtenAt, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var found = PromiseDetector.Detect(reply.Body, new PromiseClock(writtenAt, zone));
        var promises = new List<Promise>(found.Count);
        foreach (var detected in found)
        {
            var text = reply.Body[detected.Range].Trim();
            var due = detected.DueAt.ToUniversalTime();
            promises.Add(new Promise
            {
                ConversationId = reply.ConversationId,
                MessageId = reply.Id,
                AgentId = reply.AgentId,
                Text = text.Length <= Promise.MaxTextLength ? text : text[..Promise.MaxTextLength],
                Kind = detected.Kind,
                When = detected.When is { } w ? (w.Length <= Promise.MaxWhenLength ? w : w[..Promise.MaxWhenLength]) : null,
                CreatedAt = writtenAt.ToUniversalTime(),
                DueAt = due,
                RemindAt = PromiseRules.RemindAt(writtenAt, due),
                Status = PromiseStatus.Open,
            });
        }

        return promises;
    }

    /// <summary>The conversation's promises, by due time; null when the conversation is unknown.</summary>
    public async Task<IReadOnlyList<Promise>?> ListForConversationAsync(long conversationId, PromiseStatus? status, CancellationToken cancellationToken)
    {
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return await Filter(db.Promises.AsNoTracking().Where(p => p.ConversationId == conversationId), status)
            .OrderBy(p => p.DueAt).ThenBy(p => p.Id).Take(MaxListed).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The customer's promises across their conversations, by due time; null when the customer is unknown.</summary>
    public async Task<IReadOnlyList<Promise>?> ListForCustomerAsync(long customerId, PromiseStatus? status, CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var promises = db.Promises.AsNoTracking().Where(p => db.Conversations.Any(c => c.Id == p.ConversationId && c.CustomerId == customerId));
        return await Filter(promises, status).OrderBy(p => p.DueAt).ThenBy(p => p.Id).Take(MaxListed).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Promises by agent and status, by due time (an agent's to-do list with its reminders).</summary>
    public async Task<IReadOnlyList<Promise>> ListAsync(long? agentId, PromiseStatus? status, CancellationToken cancellationToken)
    {
        var promises = db.Promises.AsNoTracking();
        if (agentId is { } agent)
        {
            promises = promises.Where(p => p.AgentId == agent);
        }

        return await Filter(promises, status).OrderBy(p => p.DueAt).ThenBy(p => p.Id).Take(MaxListed).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks the promise kept (a broken one as kept late, which lifts its priority bump). Keeping a kept promise
    /// changes nothing.
    /// </summary>
    /// <returns>The promise, or null when there is none with <paramref name="id"/>.</returns>
    public async Task<Promise?> MarkKeptAsync(long id, CancellationToken cancellationToken)
    {
        var promise = await db.Promises.FirstOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false);
        if (promise is null || promise.Status == PromiseStatus.Kept)
        {
            return promise;
        }

        var wasBroken = promise.Status == PromiseStatus.Broken;
        promise.Status = PromiseStatus.Kept;
        promise.KeptAt = time.GetUtcNow();
        if (wasBroken)
        {
            var conversation = await db.Conversations.FirstAsync(c => c.Id == promise.ConversationId, cancellationToken).ConfigureAwait(false);
            var stillBroken = await db.Promises.AsNoTracking()
                .Where(p => p.ConversationId == promise.ConversationId && p.Status == PromiseStatus.Broken && p.Id != promise.Id)
                .OrderByDescending(p => p.BrokenAt).ThenByDescending(p => p.Id)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            conversation.BrokenPromise = stillBroken is null ? null : PromiseRules.Describe(stillBroken.Kind, stillBroken.When);
            await ConversationPriority.RecomputeAsync(db, priority, time, conversation, cancellationToken).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return promise;
    }

    private static IQueryable<Promise> Filter(IQueryable<Promise> promises, PromiseStatus? status) =>
        status is { } s ? promises.Where(p => p.Status == s) : promises;
}
