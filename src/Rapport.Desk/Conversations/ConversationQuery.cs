namespace Rapport.Desk.Conversations;

/// <summary>Inbox order.</summary>
public enum ConversationSort
{
    /// <summary>Highest priority first.</summary>
    Priority,

    /// <summary>Most recently created first.</summary>
    Newest,

    /// <summary>Conversations awaiting a reply, waiting longest first (others are left out).</summary>
    Waiting,
}

/// <summary>Inbox filters, order and page.</summary>
/// <param name="Status">Only conversations with this status.</param>
/// <param name="Channel">Only conversations on this channel.</param>
/// <param name="AssigneeId">Only conversations assigned to this agent.</param>
/// <param name="Sort">The order.</param>
/// <param name="Limit">Page size.</param>
/// <param name="TeamId">Only conversations assigned to an agent of this team.</param>
/// <param name="MinEscalationRisk">Only conversations whose latest customer message has at least this escalation risk.</param>
/// <param name="Cursor">From the previous page's <see cref="ConversationPage.NextCursor"/>; null for the first page.</param>
/// <param name="VisibleTo">Only what this agent may see in the workspace (null: everything).</param>
/// <param name="Label">Only conversations carrying this label (normalised: lowercase).</param>
public sealed record ConversationQuery(
    ConversationStatus? Status = null,
    Channel? Channel = null,
    long? AssigneeId = null,
    ConversationSort Sort = ConversationSort.Priority,
    ConversationCursor? Cursor = null,
    int Limit = 25,
    long? TeamId = null,
    double? MinEscalationRisk = null,
    ConversationVisibility? VisibleTo = null,
    string? Label = null);

/// <summary>
/// Which conversations a signed-in agent sees: unassigned ones, those assigned to <see cref="AgentId"/> and, for a
/// lead (<see cref="TeamId"/> set), those assigned to anyone in that team. Admins see everything (no visibility).
/// </summary>
public sealed record ConversationVisibility(long AgentId, long? TeamId);

/// <summary>One page of the inbox; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record ConversationPage(IReadOnlyList<Conversation> Items, string? NextCursor);
