using Rapport.Desk.Notifications;

namespace Rapport.Server.Api.Contracts;

/// <summary>
/// One notification: <c>kind</c> slaWarning, slaBreach, promiseReminder, promiseBroken or importSlaBreached; the
/// conversation to open (<c>conversationId</c>, <c>subject</c>, <c>customerName</c>; for an import's summary the one that
/// has waited longest); <c>promise</c> what was promised, for promise kinds; <c>count</c> how many conversations an
/// import's summary is about (null for the other kinds).
/// </summary>
internal sealed record NotificationResponse(
    long Id, long AgentId, string Kind, string Title, long ConversationId, string Subject, string? CustomerName,
    long? PromiseId, string? Promise, DateTimeOffset DueAt, DateTimeOffset CreatedAt, bool Read, DateTimeOffset? ReadAt, int? Count)
{
    public static NotificationResponse From(NotificationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var n = item.Notification;
        return new(n.Id, n.AgentId, ConversationMapping.Name(n.Kind), item.Title, n.ConversationId, item.Subject, item.CustomerName,
            n.PromiseId, item.PromiseWhat, n.DueAt, n.CreatedAt, n.ReadAt is not null, n.ReadAt, n.Count);
    }
}

/// <summary>Newest first; <c>unread</c> counts the whole list (not just this page).</summary>
internal sealed record NotificationListResponse(int Unread, NotificationResponse[] Items);

/// <summary>How many were marked read.</summary>
internal sealed record NotificationsReadResponse(int Marked);
