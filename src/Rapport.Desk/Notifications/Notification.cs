namespace Rapport.Desk.Notifications;

/// <summary>
/// Something one agent should look at now: an SLA warning or breach, a promise reminder, a broken promise. Written by
/// the timed handlers (the DueWork sweep) in the same transaction as the alert or promise change it tells of, one row per
/// recipient; read or unread per recipient (docs/notifications.md).
/// </summary>
public sealed class Notification
{
    public const int MaxKeyLength = 100;

    public long Id { get; set; }

    /// <summary>Who is told.</summary>
    public long AgentId { get; set; }

    public NotificationKind Kind { get; set; }

    public long ConversationId { get; set; }

    /// <summary>The promise it is about (reminders and broken promises), else null.</summary>
    public long? PromiseId { get; set; }

    /// <summary>When the SLA or the promise is (was) due.</summary>
    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>
    /// What it is about, e.g. <c>sla.warning:42:1732093200000</c> or <c>promise.broken:7</c>: unique per recipient, so
    /// a repeated run of a handler can never tell anyone twice.
    /// </summary>
    public required string Key { get; set; }
}

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    SlaWarning,
    SlaBreach,
    PromiseReminder,
    PromiseBroken,
}
