using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Data;
using Rapport.Desk.Promises;

namespace Rapport.Desk.Notifications;

/// <summary>An agent's notifications, newest first, with what the reader needs to act: the conversation and the promise.</summary>
public sealed class NotificationService(RapportDbContext db, TimeProvider time)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Newest first; <paramref name="agentId"/> null lists everyone's (an API key's view).</summary>
    public async Task<NotificationList> ListAsync(long? agentId, bool unreadOnly, int limit, CancellationToken cancellationToken)
    {
        var query = db.Notifications.AsNoTracking();
        if (agentId is { } agent)
        {
            query = query.Where(n => n.AgentId == agent);
        }

        var unread = await query.CountAsync(n => n.ReadAt == null, cancellationToken).ConfigureAwait(false);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        return new NotificationList(unread, await DescribeAsync(query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(Math.Clamp(limit, 1, MaxLimit)), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>One notification with its conversation and promise, or null.</summary>
    public async Task<NotificationItem?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await DescribeAsync(db.Notifications.AsNoTracking().Where(n => n.Id == id), cancellationToken).ConfigureAwait(false)) is [var item, ..] ? item : null;

    private async Task<IReadOnlyList<NotificationItem>> DescribeAsync(IQueryable<Notification> query, CancellationToken cancellationToken)
    {
        var rows = await query
            .Select(n => new
            {
                Notification = n,
                Subject = db.Conversations.Where(c => c.Id == n.ConversationId).Select(c => c.Subject).FirstOrDefault(),
                Customer = db.Conversations.Where(c => c.Id == n.ConversationId).Select(c => c.Customer!.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var promiseIds = rows.Where(r => r.Notification.PromiseId is not null).Select(r => r.Notification.PromiseId!.Value).Distinct().ToList();
        var promises = promiseIds.Count == 0
            ? new Dictionary<long, Promise>()
            : await db.Promises.AsNoTracking().Where(p => promiseIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new NotificationItem(
            r.Notification,
            r.Subject ?? "",
            r.Customer,
            r.Notification.PromiseId is { } p && promises.TryGetValue(p, out var promise) ? promise : null))];
    }

    /// <summary>How many of the agent's notifications are unread (the bell's count).</summary>
    public Task<int> UnreadCountAsync(long agentId, CancellationToken cancellationToken) =>
        db.Notifications.AsNoTracking().CountAsync(n => n.AgentId == agentId && n.ReadAt == null, cancellationToken);

    /// <summary>Marks one read (reading it again keeps the first time); null when there is none.</summary>
    public async Task<Notification?> MarkReadAsync(long id, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id, cancellationToken).ConfigureAwait(false);
        if (notification is null || notification.ReadAt is not null)
        {
            return notification;
        }

        notification.ReadAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return notification;
    }

    /// <summary>Marks every unread notification of the agent read; answers how many.</summary>
    public async Task<int> MarkAllReadAsync(long agentId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.Notifications.Where(n => n.AgentId == agentId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A page of notifications and the unread count of the whole list.</summary>
public sealed record NotificationList(int Unread, IReadOnlyList<NotificationItem> Items);

/// <summary>A notification with its conversation's subject, the customer's name and the promise (when it is about one).</summary>
public sealed record NotificationItem(Notification Notification, string Subject, string? CustomerName, Promise? Promise)
{
    /// <summary>What it says, in a few words.</summary>
    public string Title => Notification.Kind switch
    {
        NotificationKind.SlaWarning => "SLA warning",
        NotificationKind.SlaBreach => "SLA breached",
        NotificationKind.PromiseReminder => "Promise due soon",
        NotificationKind.PromiseBroken => "Promise broken",
        NotificationKind.ImportSlaBreached => Notification.Count == 1
            ? "Import: 1 conversation already past its SLA"
            : $"Import: {Notification.Count} conversations already past their SLA",
        _ => "Notification",
    };

    /// <summary>The promise's words ("call back within 3 hours"), for promise notifications.</summary>
    public string? PromiseWhat => Promise is { } p ? PromiseRules.Describe(p.Kind, p.When) : null;
}
