using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Data;

namespace Rapport.Desk.Conversations;

/// <summary>
/// Recomputes a tracked conversation's priority from what is stored (its latest customer reading, the customer's other
/// recent contacts and tags), for features that change a conversation outside <see cref="ConversationService"/>
/// (a broken promise, a quiet customer's conversation closing). Does not save.
/// </summary>
public static class ConversationPriority
{
    public static async Task RecomputeAsync(RapportDbContext db, PriorityCalculator priority, TimeProvider time, Conversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(priority);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(conversation);
        var latest = await db.MessageReadings.AsNoTracking()
            .Where(r => db.Messages.Any(m => m.Id == r.MessageId && m.ConversationId == conversation.Id))
            .OrderByDescending(r => r.MessageId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var since = time.GetUtcNow() - PriorityCalculator.RepeatWindow;
        var others = await db.Conversations.AsNoTracking()
            .Where(c => c.CustomerId == conversation.CustomerId && c.Id != conversation.Id && c.CreatedAt >= since)
            .Select(c => c.CreatedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var tags = await db.Customers.AsNoTracking()
            .Where(c => c.Id == conversation.CustomerId)
            .Select(c => c.Tags)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? [];
        priority.Apply(conversation, latest, others, tags);
    }
}
