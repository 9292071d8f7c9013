namespace Rapport.Desk.Conversations;

/// <summary>An internal note on a conversation: seen by agents only.</summary>
public sealed class Note
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public long? AgentId { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
