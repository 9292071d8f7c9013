using Rapport.Desk.Conversations;

namespace Rapport.Desk.Sla;

/// <summary>
/// The running response clock of a conversation whose customer waits (one at most). Kept by
/// <see cref="SlaClockInterceptor"/> as conversations change; gone once an agent replies or the conversation resolves.
/// </summary>
public sealed class SlaClock
{
    public long ConversationId { get; set; }

    public Conversation? Conversation { get; set; }

    public SlaResponseKind Kind { get; set; }

    /// <summary>The band the policy was chosen by, fixed when the clock started.</summary>
    public SlaPriority Priority { get; set; }

    /// <summary>When the customer's waiting began (the conversation's WaitingSince).</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>The policy's target, in business seconds.</summary>
    public long BaseTargetSeconds { get; set; }

    /// <summary>The target in force (tightened or the base), in business seconds; tightening never loosens later.</summary>
    public long TargetSeconds { get; set; }

    /// <summary>Why the target was tightened ("high escalation risk", "rising frustration"), or null.</summary>
    public string? TightenedBy { get; set; }

    /// <summary>The frustration of the customer's latest message (0–1), to see it rise.</summary>
    public double LastFrustration { get; set; }

    /// <summary>Set while the conversation is pending (waiting on the customer): the clock does not run.</summary>
    public DateTimeOffset? PausedAt { get; set; }

    /// <summary>Business seconds spent paused before <see cref="PausedAt"/>.</summary>
    public long PausedSeconds { get; set; }

    /// <summary>The team whose hours the clock runs on (the assignee's), or null: around the clock.</summary>
    public long? TeamId { get; set; }

    /// <summary>When it breaches, as of the last change (while paused: if it resumed then).</summary>
    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? WarnedAt { get; set; }

    public DateTimeOffset? BreachedAt { get; set; }
}

/// <summary>One measured response: met or missed; the basis of "% of SLAs met" per agent and team.</summary>
public sealed class SlaOutcome
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public SlaResponseKind Kind { get; set; }

    /// <summary>The agent who replied (null when the reply had no agent).</summary>
    public long? AgentId { get; set; }

    /// <summary>That agent's team at the time.</summary>
    public long? TeamId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset RespondedAt { get; set; }

    public bool Met { get; set; }

    public string? TightenedBy { get; set; }
}

/// <summary>A breach warning for leads, recorded by the <c>sla.check</c> due work.</summary>
public sealed class SlaAlert
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public SlaAlertKind Kind { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public long? TeamId { get; set; }

    public long? AssigneeId { get; set; }
}
