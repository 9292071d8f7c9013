namespace Rapport.Desk.Conversations;

/// <summary>
/// Tells whoever shows conversations live (the workspace's open pages, the chat widget) that one changed, for changes
/// made outside an API request (the assistant's replies). The server implements it with its conversation feed; without
/// an implementation registered, nothing is told.
/// </summary>
public interface IConversationChanges
{
    /// <summary>Conversation <paramref name="conversationId"/> changed (a message, its status or assignee).</summary>
    void Changed(long conversationId);
}
