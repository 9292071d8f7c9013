using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Data;

namespace Rapport.Desk.Conversations;

/// <summary>
/// Recomputes the stored priority of conversations whose customer waits (<see cref="Conversation.WaitingSince"/> set):
/// the waiting term of the formula grows with time although no message arrives (docs/decisions/0005-priority.md).
/// Works in batches by id with a fixed number of queries per batch; idempotent (the same inputs at the same time give
/// the same score, and unchanged rows are not written).
/// </summary>
public sealed class PriorityRefresher(RapportDbContext db, PriorityCalculator priority, TimeProvider time)
{
    public const int DefaultBatchSize = 500;

    /// <returns>How many conversations got a new priority or reason.</returns>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken) =>
        await RefreshAsync(DefaultBatchSize, cancellationToken).ConfigureAwait(false);

    /// <returns>How many conversations got a new priority or reason.</returns>
    public async Task<int> RefreshAsync(int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var changed = 0;
        var after = 0L;
        while (true)
        {
            var batch = await db.Conversations
                .Where(c => c.WaitingSince != null && c.Id > after)
                .OrderBy(c => c.Id)
                .Take(batchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return changed;
            }

            changed += await RefreshBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            after = batch[^1].Id;
            db.ChangeTracker.Clear();
            if (batch.Count < batchSize)
            {
                return changed;
            }
        }
    }

    private async Task<int> RefreshBatchAsync(List<Conversation> batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ids = batch.Select(c => c.Id).ToList();
        var customerIds = batch.Select(c => c.CustomerId).Distinct().ToList();

        // The latest customer message of each conversation carries the reading the priority is computed from.
        var latestIds = await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.ConversationId) && m.Author == MessageAuthor.Customer)
            .GroupBy(m => m.ConversationId)
            .Select(g => g.Max(m => m.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var readings = await db.Messages.AsNoTracking()
            .Where(m => latestIds.Contains(m.Id) && m.Reading != null)
            .Select(m => new { m.ConversationId, m.Reading!.Labels, m.Reading.EscalationRisk, m.Reading.Intensity })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var readingOf = readings.ToDictionary(r => r.ConversationId);

        var since = now - PriorityCalculator.RepeatWindow;
        var contacts = await db.Conversations.AsNoTracking()
            .Where(c => customerIds.Contains(c.CustomerId) && c.CreatedAt >= since)
            .Select(c => new { c.Id, c.CustomerId, c.CreatedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var tags = await db.Customers.AsNoTracking()
            .Where(c => customerIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Tags })
            .ToDictionaryAsync(c => c.Id, c => c.Tags, cancellationToken).ConfigureAwait(false);

        var changed = 0;
        foreach (var conversation in batch)
        {
            readingOf.TryGetValue(conversation.Id, out var latest);
            var others = contacts.Where(c => c.CustomerId == conversation.CustomerId && c.Id != conversation.Id).Select(c => c.CreatedAt).ToList();
            var score = priority.Compute(new PriorityInputs(
                conversation.Status,
                latest?.Labels ?? [],
                latest?.EscalationRisk ?? 0,
                latest?.Intensity ?? 0,
                conversation.WaitingSince,
                others,
                tags.GetValueOrDefault(conversation.CustomerId) ?? [],
                conversation.BrokenPromise));
            if (score.Score != conversation.Priority || score.Reason != conversation.PriorityReason)
            {
                conversation.Priority = score.Score;
                conversation.PriorityReason = score.Reason;
                changed++;
            }
        }

        if (changed > 0)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }
}
