namespace Rapport.Desk.Widget;

/// <summary>
/// The website chat widget's hold on one conversation: only the SHA-256 of its token is stored, as for survey links
/// (docs/decisions/0012-survey-tokens.md), so the database alone cannot open a chat.
/// </summary>
public sealed class WidgetSession
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    /// <summary>SHA-256 of the token, 32 bytes.</summary>
    public required byte[] TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>After this the token is refused and the widget starts a new conversation.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
