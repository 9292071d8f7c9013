using Rapport.Core.Emotions;

namespace Rapport.Core.Coaching;

/// <summary>What <see cref="EmpathyCoach"/> found in a reply.</summary>
/// <param name="Score">0–100: the weighted share of applicable practices met, less penalties for harmful language.</param>
/// <param name="Findings">One finding per <see cref="Practice"/>, in enum order.</param>
/// <param name="Mechanisms">The EPITOME communication mechanisms in the reply.</param>
/// <param name="CustomerReading">The emotion reading of the customer's messages that the review responded to.</param>
public sealed record EmpathyReview(
    int Score,
    IReadOnlyList<PracticeFinding> Findings,
    EmpathyMechanisms Mechanisms,
    EmotionReading CustomerReading)
{
    /// <summary>The finding for <paramref name="practice"/>.</summary>
    public PracticeFinding this[Practice practice] => Findings[(int)practice];
}
