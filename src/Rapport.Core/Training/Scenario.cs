using Rapport.Core.Coaching;
using Rapport.Core.Emotions;

namespace Rapport.Core.Training;

/// <summary>
/// A role-play scenario: the customer the simulator plays, what the agent can find out and offer, what resolves,
/// calms or escalates this customer, and the customer's phrasings (format: docs/training-scenarios.md).
/// </summary>
/// <param name="Id">Stable kebab-case id, e.g. "damaged-order-deadline".</param>
/// <param name="Title">Human title, e.g. "Damaged order before a deadline".</param>
/// <param name="Persona">Who the customer is.</param>
/// <param name="Emotion">The customer's feeling at the start.</param>
/// <param name="Intensity">How strongly they feel it at the start, in [0, 1].</param>
/// <param name="Patience">How many bad agent turns the customer takes before leaving.</param>
/// <param name="TurnLimit">Agent turns after which an unresolved conversation is escalated.</param>
/// <param name="CalmAt">The intensity at or below which the customer counts as calm enough to be resolved.</param>
/// <param name="AtFault">Whether the company is at fault (passed to the coach).</param>
/// <param name="Problem">The problem in the second person, as an agent who listened would say it back.</param>
/// <param name="Details">The case's specifics by key ("order" → "#48213"); customer lines use them as {key}.</param>
/// <param name="Facts">What the agent can find out by asking.</param>
/// <param name="Resolution">What a good resolution includes; every item must be covered.</param>
/// <param name="CalmedBy">Phrases that especially calm this customer.</param>
/// <param name="EscalatedBy">Phrases that especially annoy this customer.</param>
/// <param name="Targets">The practices this scenario trains most.</param>
/// <param name="Lines">The customer's phrasings per move.</param>
public sealed record Scenario(
    string Id,
    string Title,
    ScenarioPersona Persona,
    SupportEmotion Emotion,
    double Intensity,
    int Patience,
    int TurnLimit,
    double CalmAt,
    bool AtFault,
    string Problem,
    IReadOnlyDictionary<string, string> Details,
    IReadOnlyList<ScenarioFact> Facts,
    IReadOnlyList<ResolutionItem> Resolution,
    IReadOnlyList<string> CalmedBy,
    IReadOnlyList<string> EscalatedBy,
    IReadOnlyList<Practice> Targets,
    IReadOnlyDictionary<CustomerMove, IReadOnlyList<string>> Lines)
{
    /// <summary>The persona's first name.</summary>
    public string FirstName => Persona.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
}

/// <summary>Who the simulated customer is.</summary>
/// <param name="Name">Full name, e.g. "Maria Lopez".</param>
/// <param name="Situation">What happened, in the third person, as the agent's case notes say it.</param>
/// <param name="Temperament">How this customer reacts, in words.</param>
public sealed record ScenarioPersona(string Name, string Situation, string Temperament);

/// <summary>A fact the agent can find out by asking a question that names it.</summary>
/// <param name="Id">Stable id within the scenario.</param>
/// <param name="Topic">What the agent can ask about, e.g. "the order number" (shown to the agent).</param>
/// <param name="Fact">The fact itself, in the case notes' words (shown once revealed).</param>
/// <param name="AskedBy">Words or phrases (case-insensitive, whole words) that, in a question, reveal the fact.</param>
/// <param name="Lines">How the customer tells it.</param>
public sealed record ScenarioFact(string Id, string Topic, string Fact, IReadOnlyList<string> AskedBy, IReadOnlyList<string> Lines);

/// <summary>Something a good resolution includes.</summary>
/// <param name="Id">Stable id within the scenario.</param>
/// <param name="Offer">What the agent can offer, in the first person after "I'll" (shown to the agent).</param>
/// <param name="Keywords">Words or phrases (case-insensitive, whole words) that show the reply covers it.</param>
/// <param name="Ask">How the customer names it while it is missing ("how I get it before Saturday").</param>
public sealed record ResolutionItem(string Id, string Offer, IReadOnlyList<string> Keywords, string Ask);

/// <summary>What the simulated customer does in a message; each move has its own phrasings.</summary>
public enum CustomerMove
{
    /// <summary>The first message.</summary>
    Opening,

    /// <summary>The agent's turn calmed the customer.</summary>
    Calmer,

    /// <summary>The agent's turn made things worse.</summary>
    Angrier,

    /// <summary>Neither: the customer waits for more.</summary>
    Steady,

    /// <summary>The customer asks about a resolution item still missing ({missing}).</summary>
    Missing,

    /// <summary>Resolved: thanks and goodbye.</summary>
    Resolved,

    /// <summary>The customer gives up and leaves angry.</summary>
    Leaving,

    /// <summary>The customer asks for a manager (or, at the end, is handed to one).</summary>
    Manager,
}
