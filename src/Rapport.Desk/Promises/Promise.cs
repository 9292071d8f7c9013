using Rapport.Core.Promises;

namespace Rapport.Desk.Promises;

/// <summary>
/// A commitment an agent made in a reply ("I'll call you back tomorrow"), found by <see cref="PromiseDetector"/> and
/// tracked until it is kept or its due time passes (docs/promises.md, the ledger).
/// </summary>
public sealed class Promise
{
    public const int MaxTextLength = 2000;
    public const int MaxWhenLength = 100;

    public long Id { get; set; }

    public long ConversationId { get; set; }

    /// <summary>The agent reply that holds it.</summary>
    public long MessageId { get; set; }

    public Conversations.Message? Message { get; set; }

    /// <summary>Who promised (the reply's agent); null for replies without one.</summary>
    public long? AgentId { get; set; }

    /// <summary>The sentence, as written (cut to <see cref="MaxTextLength"/>).</summary>
    public required string Text { get; set; }

    public PromiseKind Kind { get; set; }

    /// <summary>The time words as written ("by Friday"), or null when the default (next business day) applied.</summary>
    public string? When { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>When the agent is reminded: an hour before it is due, or halfway for promises under two hours.</summary>
    public DateTimeOffset RemindAt { get; set; }

    /// <summary>When the reminder was recorded; the agent sees it in <c>GET /api/v1/promises</c> (<c>reminded</c>).</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    public PromiseStatus Status { get; set; }

    public DateTimeOffset? KeptAt { get; set; }

    public DateTimeOffset? BrokenAt { get; set; }
}

/// <summary>Where a promise stands.</summary>
public enum PromiseStatus
{
    Open,
    Kept,
    Broken,
}
