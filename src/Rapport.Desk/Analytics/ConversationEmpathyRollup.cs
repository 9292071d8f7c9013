using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;

namespace Rapport.Desk.Analytics;

/// <summary>
/// Recomputes the <see cref="ConversationEmpathy"/> rows of the conversations a rollup touched: all their agent replies,
/// whenever written, summed by agent and channel. Idempotent like the daily rows (delete, then insert, per chunk).
/// </summary>
internal sealed class ConversationEmpathyRollup(RapportDbContext db)
{
    private const int IdsPerQuery = 500;

    public async Task RecomputeAsync(IReadOnlyCollection<long> conversationIds, CancellationToken cancellationToken)
    {
        var all = conversationIds.Order().ToList();
        for (var i = 0; i < all.Count; i += IdsPerQuery)
        {
            var ids = all.GetRange(i, Math.Min(IdsPerQuery, all.Count - i));
            var replies = await db.Messages.AsNoTracking()
                .Where(m => ids.Contains(m.ConversationId) && m.Author == MessageAuthor.Agent && m.Review != null)
                .Select(m => new { m.ConversationId, m.AgentId, m.Channel, m.CreatedAt, m.Review!.Score })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var rows = replies.GroupBy(r => (r.ConversationId, r.AgentId, r.Channel)).Select(g => new ConversationEmpathy
            {
                ConversationId = g.Key.ConversationId,
                AgentId = g.Key.AgentId,
                Channel = g.Key.Channel,
                FirstDay = AnalyticsDays.Of(g.Min(r => r.CreatedAt)),
                LastDay = AnalyticsDays.Of(g.Max(r => r.CreatedAt)),
                Replies = g.Count(),
                ScoreSum = g.Sum(r => (double)r.Score),
            }).ToList();

            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await db.ConversationEmpathy.Where(r => ids.Contains(r.ConversationId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                db.ConversationEmpathy.AddRange(rows);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                db.ChangeTracker.Clear();
            }).ConfigureAwait(false);
        }
    }
}
