namespace Rapport.Desk.Conversations;

/// <summary>What the priority of a conversation is computed from (docs/decisions/0005-priority.md).</summary>
/// <param name="Status">Resolved and closed conversations have priority 0.</param>
/// <param name="Labels">Emotion labels of the latest customer message ("anger", "worry"...).</param>
/// <param name="EscalationRisk">Of the latest customer message, in [0, 1].</param>
/// <param name="Intensity">Of the latest customer message, in [0, 1].</param>
/// <param name="WaitingSince">When the oldest unanswered customer message arrived; null when nobody waits.</param>
/// <param name="OtherContacts">When the customer's other conversations of the last 30 days started.</param>
/// <param name="Tags">The customer's tags ("vip"...).</param>
/// <param name="BrokenPromise">The latest broken promise not made good ("call back by Friday"), or null.</param>
public sealed record PriorityInputs(
    ConversationStatus Status,
    IReadOnlyList<string> Labels,
    double EscalationRisk,
    double Intensity,
    DateTimeOffset? WaitingSince,
    IReadOnlyList<DateTimeOffset> OtherContacts,
    IReadOnlyCollection<string> Tags,
    string? BrokenPromise = null);

/// <summary>A priority in [0, 100] and the reason, in words.</summary>
public sealed record PriorityScore(double Score, string Reason);
