namespace Rapport.Desk.Conversations;

/// <summary>Who wrote a message.</summary>
public enum MessageAuthor
{
    Customer,
    Agent,
    Assistant,
    System,
}
