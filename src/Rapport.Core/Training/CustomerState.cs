using Rapport.Core.Emotions;

namespace Rapport.Core.Training;

/// <summary>The simulated customer's state after a turn.</summary>
/// <param name="Emotion">What they feel now.</param>
/// <param name="Intensity">How strongly, in [0, 1].</param>
/// <param name="Patience">Bad turns they will still take before leaving.</param>
/// <param name="RevealedFacts">Ids of the facts they have told the agent.</param>
/// <param name="CoveredItems">Ids of the resolution items the agent has covered.</param>
/// <param name="AskedForManager">True once they have asked for a manager.</param>
public sealed record CustomerState(
    SupportEmotion Emotion,
    double Intensity,
    int Patience,
    IReadOnlyList<string> RevealedFacts,
    IReadOnlyList<string> CoveredItems,
    bool AskedForManager);

/// <summary>How a conversation ended.</summary>
public enum TrainingOutcome
{
    /// <summary>Still going.</summary>
    InProgress,

    /// <summary>Every resolution item covered and the customer calm enough.</summary>
    Resolved,

    /// <summary>The customer ran out of patience and left angry.</summary>
    Abandoned,

    /// <summary>The customer was handed to a manager: they insisted, or the turn limit was reached.</summary>
    Escalated,
}

/// <summary>Why the customer reacted as they did to one agent turn.</summary>
/// <param name="Change">The change in intensity (negative calms).</param>
/// <param name="Effects">The rules that applied, e.g. "acknowledged the feeling −0.12".</param>
/// <param name="RevealedFacts">Facts revealed by this turn's questions.</param>
/// <param name="CoveredItems">Resolution items this turn newly covered.</param>
public sealed record CustomerReaction(
    double Change,
    IReadOnlyList<string> Effects,
    IReadOnlyList<ScenarioFact> RevealedFacts,
    IReadOnlyList<ResolutionItem> CoveredItems);

/// <summary>One agent turn and the customer's answer.</summary>
/// <param name="Number">1 for the agent's first reply.</param>
/// <param name="AgentReply">What the agent wrote.</param>
/// <param name="Review">The coach's review of it.</param>
/// <param name="Reaction">What it did to the customer.</param>
/// <param name="CustomerReply">The customer's answer.</param>
/// <param name="State">The customer's state after the turn.</param>
/// <param name="Outcome">The conversation's outcome after this turn (InProgress while it goes on).</param>
public sealed record TrainingTurn(
    int Number,
    string AgentReply,
    Coaching.EmpathyReview Review,
    CustomerReaction Reaction,
    string CustomerReply,
    CustomerState State,
    TrainingOutcome Outcome);
