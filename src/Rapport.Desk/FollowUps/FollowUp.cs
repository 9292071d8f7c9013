namespace Rapport.Desk.FollowUps;

/// <summary>
/// A scheduled check on a conversation (docs/follow-ups.md): after it is resolved, asking the customer whether the fix
/// held (with a survey), a lead's review first when they were upset at close; or, while it waits on a quiet customer,
/// one gentle reminder and then closing it.
/// </summary>
public sealed class FollowUp
{
    public const int MaxReasonLength = 200;
    public const int MaxNoteLength = 2000;

    public long Id { get; set; }

    public long ConversationId { get; set; }

    public FollowUpKind Kind { get; set; }

    public FollowUpState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When its next step runs (the check-in, the reminder, the closing).</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Why a lead reviews it first ("high escalation risk 0.82"); null when the customer was not upset at close.</summary>
    public string? UpsetReason { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>The lead who reviewed it, when given.</summary>
    public long? ReviewedBy { get; set; }

    public string? ReviewNote { get; set; }

    /// <summary>When the quiet customer's reminder was posted.</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    /// <summary>The survey the check-in sent.</summary>
    public long? SurveyId { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>How it ended, in words: "check-in sent with survey", "closed: no reply", "cancelled: customer replied".</summary>
    public string? Outcome { get; set; }
}

public enum FollowUpKind
{
    /// <summary>After the conversation is resolved: did the fix hold?</summary>
    Resolved,

    /// <summary>While the conversation waits on a customer who has gone quiet.</summary>
    Quiet,
}

public enum FollowUpState
{
    /// <summary>Waiting for its due time.</summary>
    Scheduled,

    /// <summary>The customer was upset at close: a lead reviews it before any survey.</summary>
    NeedsReview,

    /// <summary>A quiet customer was reminded; the conversation closes at the due time unless they reply.</summary>
    Reminded,

    Done,

    Cancelled,
}
