using Rapport.Desk.Agents;
using Rapport.Desk.Customers;

namespace Rapport.Desk.Conversations;

/// <summary>One customer issue on one channel, with its messages, notes and emotion-aware priority.</summary>
public sealed class Conversation
{
    public long Id { get; set; }

    public long CustomerId { get; set; }

    public Customer? Customer { get; set; }

    public Channel Channel { get; set; }

    public required string Subject { get; set; }

    public ConversationStatus Status { get; set; }

    public long? AssigneeId { get; set; }

    public Agent? Assignee { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FirstResponseAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>When the oldest customer message that no agent has answered yet arrived; null when nobody waits.</summary>
    public DateTimeOffset? WaitingSince { get; set; }

    /// <summary>0–100, recomputed when a message arrives or the status changes (docs/decisions/0005-priority.md).</summary>
    public double Priority { get; set; }

    /// <summary>Why, in words: "frustrated, third contact this week, waiting 3 h".</summary>
    public string PriorityReason { get; set; } = "";

    /// <summary>
    /// The latest broken promise of the conversation not yet made good ("call back by Friday"), which raises its
    /// priority (docs/promises.md); null when none.
    /// </summary>
    public string? BrokenPromise { get; set; }

    /// <summary>The escalation risk of the latest customer message (0 before any).</summary>
    public double EscalationRisk { get; set; }

    /// <summary>Free labels ("refund", "bug") that the inbox filters by.</summary>
    public List<string> Labels { get; set; } = [];

    /// <summary>The conversation's key in the system it was imported from; imports find it again by this key.</summary>
    public string? ExternalKey { get; set; }

    /// <summary>Set when the assistant handed the conversation to a person (with the brief); the assistant is silent from then on.</summary>
    public Assistant.HandOff? HandOff { get; set; }

    public List<Message> Messages { get; } = [];

    public List<Note> Notes { get; } = [];
}
