namespace Rapport.Desk.Conversations;

/// <summary>One message of a conversation; customer messages carry a reading, agent messages a review.</summary>
public sealed class Message
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public MessageAuthor Author { get; set; }

    /// <summary>The agent who wrote it, for agent messages.</summary>
    public long? AgentId { get; set; }

    /// <summary>Stored and returned exactly as received; never interpreted as HTML.</summary>
    public required string Body { get; set; }

    public Channel Channel { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The id in the system it came from (e-mail Message-ID, chat id...), for idempotent imports.</summary>
    public string? ExternalId { get; set; }

    /// <summary>For agent replies: true when the agent sent it anyway after the pre-send guard warned of a low score.</summary>
    public bool SentBelowThreshold { get; set; }

    public MessageReading? Reading { get; set; }

    public MessageReview? Review { get; set; }

    /// <summary>For the knowledge-base assistant's replies: the article, confidence and whether a model wrote it.</summary>
    public Assistant.AssistantAnswer? AssistantAnswer { get; set; }
}
