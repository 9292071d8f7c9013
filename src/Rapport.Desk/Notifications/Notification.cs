namespace Rapport.Desk.Notifications;

/// <summary>
/// Something one agent should look at now: an SLA warning or breach, a promise reminder, a broken promise, an import's
/// conversations already past their SLA. Written by the timed handlers (the DueWork sweep) or the import in the same
/// transaction as the change it tells of, one row per recipient; read or unread per recipient (docs/notifications.md).
/// </summary>
public sealed class Notification
{
    public const int MaxKeyLength = 100;

    public long Id { get; set; }

    /// <summary>Who is told.</summary>
    public long AgentId { get; set; }

    public NotificationKind Kind { get; set; }

    /// <summary>The conversation it is about; for an import's summary, the one that has waited longest of them.</summary>
    public long ConversationId { get; set; }

    /// <summary>How many conversations a summary is about (<see cref="NotificationKind.ImportSlaBreached"/>); null for the others.</summary>
    public int? Count { get; set; }

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

    /// <summary>
    /// One per team (and recipient) for conversations an import brought in already past their SLA, instead of one per
    /// conversation; its <see cref="Notification.Count"/> grows while it is unread (docs/import.md, "Timers").
    /// </summary>
    ImportSlaBreached,
}
