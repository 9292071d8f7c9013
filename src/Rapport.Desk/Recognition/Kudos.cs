namespace Rapport.Desk.Recognition;

/// <summary>
/// Recognition given to an agent (docs/recognition.md): by a lead or a peer, or a suggestion (customer rating or praise
/// with a strong reply) that a lead accepted. Optionally about one conversation and one of the agent's replies in it.
/// </summary>
public sealed class Kudos
{
    /// <summary>The longest note a kudos can carry.</summary>
    public const int MaxMessageLength = 280;

    public long Id { get; set; }

    /// <summary>The agent recognised.</summary>
    public long AgentId { get; set; }

    /// <summary>Who gave it: the lead or peer, or the lead who accepted a suggestion; null when given by an integration.</summary>
    public long? FromAgentId { get; set; }

    public KudosSource Source { get; set; }

    public long? ConversationId { get; set; }

    /// <summary>The agent's reply it is about.</summary>
    public long? MessageId { get; set; }

    /// <summary>For an accepted suggestion based on a survey: the survey whose rating or comment praised the agent.</summary>
    public long? SurveyId { get; set; }

    /// <summary>The short note; stored exactly as sent, never interpreted as HTML.</summary>
    public required string Message { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Where a kudos came from.</summary>
public enum KudosSource
{
    /// <summary>Given by a lead (or an admin).</summary>
    Lead,

    /// <summary>Given by a teammate.</summary>
    Peer,

    /// <summary>Given by the customer; reserved: customers' praise arrives as suggestions that a lead accepts.</summary>
    Customer,

    /// <summary>Suggested by Rapport from a ≥ 90 reply and the customer's rating or praise, accepted by a lead.</summary>
    SuggestedAccepted,
}
