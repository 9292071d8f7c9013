using Rapport.Core.Emotions;

namespace Rapport.Core.Training;

/// <summary>A resolved support conversation to turn into a training scenario (<see cref="ScenarioGenerator"/>).</summary>
/// <param name="Subject">The conversation's subject line, e.g. "Cracked cake stand".</param>
/// <param name="CustomerName">The customer's display name, e.g. "Maria Lopez" (replaced by a pseudonym).</param>
/// <param name="AgentNames">The names of the agents who replied (replaced by a pseudonym wherever they occur).</param>
/// <param name="Channel">Where the conversation happened, e.g. "email", "chat".</param>
/// <param name="Messages">The messages, oldest first.</param>
public sealed record ResolvedConversation(
    string Subject,
    string CustomerName,
    IReadOnlyList<string> AgentNames,
    string Channel,
    IReadOnlyList<ConversationMessage> Messages);

/// <summary>One message of a <see cref="ResolvedConversation"/>.</summary>
/// <param name="Author">Who wrote it.</param>
/// <param name="Text">What they wrote.</param>
/// <param name="Reading">
/// For a customer message, the <see cref="EmotionAnalyzer"/> reading stored with it; null to read it now. Ignored for
/// agent messages.
/// </param>
public sealed record ConversationMessage(ConversationAuthor Author, string Text, EmotionReading? Reading = null);

/// <summary>Who wrote a <see cref="ConversationMessage"/>.</summary>
public enum ConversationAuthor
{
    /// <summary>The customer.</summary>
    Customer,

    /// <summary>A support agent.</summary>
    Agent,
}
