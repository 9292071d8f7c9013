namespace Rapport.Desk.Conversations;

/// <summary>Open: needs the team; Pending: waits on the customer; Resolved: answered; Closed: done for good.</summary>
public enum ConversationStatus
{
    Open,
    Pending,
    Resolved,
    Closed,
}
