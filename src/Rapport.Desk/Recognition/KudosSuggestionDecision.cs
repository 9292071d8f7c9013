namespace Rapport.Desk.Recognition;

/// <summary>
/// A lead's decision on a suggestion. Suggestions are computed on read (docs/recognition.md); only decisions are stored.
/// A suggestion is identified by the reply it quotes, and there is at most one per conversation and agent: both are
/// unique, so a second decision (even a racing one) is refused by the database.
/// </summary>
public sealed class KudosSuggestionDecision
{
    /// <summary>The suggested reply's message id (the suggestion's id).</summary>
    public long MessageId { get; set; }

    public long ConversationId { get; set; }

    public long AgentId { get; set; }

    public bool Accepted { get; set; }

    /// <summary>The kudos an acceptance created.</summary>
    public long? KudosId { get; set; }

    /// <summary>The lead who decided; null for an integration's key.</summary>
    public long? DecidedById { get; set; }

    public DateTimeOffset DecidedAt { get; set; }
}
