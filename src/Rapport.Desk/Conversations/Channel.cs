namespace Rapport.Desk.Conversations;

/// <summary>Where a conversation (or a message) came from.</summary>
public enum Channel
{
    Email,
    Chat,
    Phone,
    Social,
    Web,
}
