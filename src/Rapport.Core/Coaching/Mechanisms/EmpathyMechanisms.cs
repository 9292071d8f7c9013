namespace Rapport.Core.Coaching;

/// <summary>
/// The three EPITOME empathy communication mechanisms found in a reply, with the character ranges of the reply
/// that show each of them (for underlining in the editor).
/// </summary>
/// <param name="EmotionalReactions">Warmth, compassion or concern ("I'm so sorry you're going through this").</param>
/// <param name="Interpretations">Communicated understanding of the other person's feelings or experience
/// ("It must be frustrating when…", "I've been through the same").</param>
/// <param name="Explorations">Questions that seek to learn more ("What happened when you tried…?").</param>
/// <param name="EmotionalReactionEvidence">Ranges of the reply that express an emotional reaction.</param>
/// <param name="InterpretationEvidence">Ranges of the reply that express an interpretation.</param>
/// <param name="ExplorationEvidence">Ranges of the reply that explore.</param>
public sealed record EmpathyMechanisms(
    MechanismLevel EmotionalReactions,
    MechanismLevel Interpretations,
    MechanismLevel Explorations,
    IReadOnlyList<Range> EmotionalReactionEvidence,
    IReadOnlyList<Range> InterpretationEvidence,
    IReadOnlyList<Range> ExplorationEvidence)
{
    /// <summary>A reply that uses none of the mechanisms.</summary>
    public static EmpathyMechanisms None { get; } =
        new(MechanismLevel.None, MechanismLevel.None, MechanismLevel.None, [], [], []);
}
