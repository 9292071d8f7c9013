using Rapport.Desk.Conversations;

namespace Rapport.Server.Components.Workspace;

/// <summary>One inbox row: who, where, what, how they feel (the latest customer message's labels) why it ranks here, and its SLA clock.</summary>
internal sealed record InboxRow(
    long Id,
    string Customer,
    Channel Channel,
    string Subject,
    ConversationStatus Status,
    IReadOnlyList<string> Labels,
    double Priority,
    string PriorityReason,
    DateTimeOffset? WaitingSince,
    string? Assignee,
    MessageAuthor? LastAuthor,
    string? LastMessage,
    Rapport.Desk.Sla.SlaState? Sla = null);

/// <summary>The inbox filters; <see cref="Assignee"/> is "any", "me", "unassigned" or an agent id.</summary>
internal sealed record InboxFilter(ConversationStatus? Status = null, Channel? Channel = null, string? Emotion = null, string Assignee = InboxFilter.AnyAssignee)
{
    public const string AnyAssignee = "any";
    public const string Me = "me";
    public const string Unassigned = "unassigned";
}
