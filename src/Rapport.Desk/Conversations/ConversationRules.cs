namespace Rapport.Desk.Conversations;

/// <summary>
/// What a message does to its conversation, shared by <see cref="ConversationService"/> (one message at a time) and the
/// import (a batch at a time), so both keep the same status, waiting clock and review context.
/// </summary>
internal static class ConversationRules
{
    /// <summary>How many of the latest unanswered customer messages an agent reply is reviewed against.</summary>
    public const int ReviewContextMessages = 5;

    /// <summary>How many of the latest messages to look at to find them.</summary>
    public const int ReviewLookback = ReviewContextMessages * 2;

    /// <summary>A customer message: the waiting clock starts (if it was not running) and a closed conversation reopens.</summary>
    public static void OnCustomerMessage(Conversation conversation, DateTimeOffset at, double escalationRisk)
    {
        conversation.WaitingSince ??= at;
        conversation.EscalationRisk = escalationRisk;
        if (conversation.Status != ConversationStatus.Open)
        {
            // A customer writing again reopens the conversation.
            conversation.Status = ConversationStatus.Open;
            conversation.ResolvedAt = null;
        }
    }

    /// <summary>An agent reply: nobody waits any more, and an open conversation moves to pending.</summary>
    public static void OnAgentReply(Conversation conversation, DateTimeOffset at)
    {
        conversation.FirstResponseAt ??= at;
        conversation.WaitingSince = null;
        if (conversation.Status == ConversationStatus.Open)
        {
            conversation.Status = ConversationStatus.Pending;
        }
    }

    /// <summary>
    /// An assistant reply that did not hand off (an answer, an honest "no answer", a closing): the customer has their
    /// reply, so nobody waits and the conversation waits on them (pending). <see cref="Conversation.FirstResponseAt"/>
    /// stays: it measures the team's first reply.
    /// </summary>
    public static void OnAssistantReply(Conversation conversation)
    {
        conversation.WaitingSince = null;
        if (conversation.Status == ConversationStatus.Open)
        {
            conversation.Status = ConversationStatus.Pending;
        }
    }

    /// <summary>
    /// The customer messages a reply answers, oldest first: those since the last agent message, or else the latest ones.
    /// </summary>
    /// <param name="newestFirst">The conversation's latest messages (at least <see cref="ReviewLookback"/>), newest first.</param>
    public static IReadOnlyList<string> CustomerMessagesToAnswer(IReadOnlyList<(MessageAuthor Author, string Body)> newestFirst)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        var unanswered = newestFirst.TakeWhile(m => m.Author != MessageAuthor.Agent).Where(m => m.Author == MessageAuthor.Customer).ToList();
        var chosen = unanswered.Count > 0 ? unanswered : [.. newestFirst.Where(m => m.Author == MessageAuthor.Customer)];
        return [.. chosen.Take(ReviewContextMessages).Reverse().Select(m => m.Body)];
    }
}
