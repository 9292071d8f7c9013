namespace Rapport.Core.Coaching;

/// <summary>One practice checked in a reply.</summary>
/// <param name="Practice">The practice.</param>
/// <param name="Status">Met, missed or not applicable to this conversation.</param>
/// <param name="Weight">How much the practice counts towards the score.</param>
/// <param name="Evidence">Character ranges in the reply that meet (or, for tone and language, break) the practice.</param>
/// <param name="Suggestion">What to write instead, for this customer; null when nothing needs changing.</param>
/// <param name="Insert">Text that applying the suggestion would add to the reply, if it is an addition.</param>
public sealed record PracticeFinding(
    Practice Practice,
    FindingStatus Status,
    int Weight,
    IReadOnlyList<Range> Evidence,
    string? Suggestion,
    string? Insert = null);
