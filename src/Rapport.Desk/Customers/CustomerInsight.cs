using Rapport.Desk.Conversations;

namespace Rapport.Desk.Customers;

/// <summary>
/// What the desk knows about one customer across channels: contact history, emotion trend, repeat contacts, open issues
/// and what they may need next (docs/decisions/0009-customer-insight.md).
/// </summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="GeneratedAt">The time the rules were applied at.</param>
/// <param name="History">Conversations, newest first.</param>
/// <param name="Channels">How many of those conversations came in on each channel.</param>
/// <param name="Trend">The customer's messages in order, and whether their mood improves.</param>
/// <param name="ContactsLast30Days">Conversations started in the last 30 days.</param>
/// <param name="RepeatContacts">Contacts in the last 30 days beyond the first (0 or 1 contact: 0).</param>
/// <param name="OpenIssues">Open and pending conversations, longest waiting first.</param>
/// <param name="NeedsNext">Suggestions, most pressing first, each with the evidence it comes from.</param>
/// <param name="Truncated">True when the customer has more conversations or messages than the insight reads.</param>
public sealed record CustomerInsight(
    long CustomerId,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ContactHistoryItem> History,
    IReadOnlyDictionary<Channel, int> Channels,
    EmotionTrend Trend,
    int ContactsLast30Days,
    int RepeatContacts,
    IReadOnlyList<OpenIssue> OpenIssues,
    IReadOnlyList<NextStep> NeedsNext,
    bool Truncated);

/// <summary>One conversation of the customer; <see cref="DominantEmotion"/> is the emotion with the highest summed score
/// over its customer messages ("neutral" when none reached a label).</summary>
public sealed record ContactHistoryItem(
    long ConversationId,
    Channel Channel,
    string Subject,
    ConversationStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt,
    int MessageCount,
    string DominantEmotion,
    IReadOnlyList<string> Labels);

/// <summary>The customer's messages as points in time, and a summary.</summary>
/// <param name="Points">One per customer message, oldest first.</param>
/// <param name="Summary">improving, worsening, steady, or unknown (fewer than two messages).</param>
/// <param name="Change">Mean valence of the recent messages minus that of the ones before (null when unknown).</param>
public sealed record EmotionTrend(IReadOnlyList<EmotionPoint> Points, string Summary, double? Change);

/// <summary>One customer message: its strongest emotion ("neutral" when none), intensity and valence.</summary>
public sealed record EmotionPoint(DateTimeOffset At, long ConversationId, string TopEmotion, double Intensity, double Valence, double EscalationRisk);

/// <summary>An open or pending conversation.</summary>
public sealed record OpenIssue(
    long ConversationId, string Subject, Channel Channel, ConversationStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? WaitingSince,
    double Priority, string PriorityReason);

/// <summary>A suggestion: <see cref="Kind"/> is stable (reply-first, recovery-call, refund-follow-up, single-owner,
/// check-fix-held), <see cref="Suggestion"/> says what to do, <see cref="Reason"/> the evidence.</summary>
public sealed record NextStep(string Kind, string Suggestion, string Reason, IReadOnlyList<long> ConversationIds);

/// <summary>A customer message as the insight reads it: text (for topics) and its stored reading (labels are the
/// emotions at or above 0.5; scores give their order).</summary>
public sealed record InsightMessage(
    long ConversationId,
    DateTimeOffset CreatedAt,
    string Body,
    IReadOnlyList<string> Labels,
    IReadOnlyDictionary<string, double> Scores,
    double Valence,
    double Intensity,
    double EscalationRisk);
