using Rapport.Core.Coaching;
using Rapport.Core.Emotions;

namespace Rapport.Core.Training;

/// <summary>How an agent did in one training session.</summary>
/// <param name="ScenarioId">The scenario played.</param>
/// <param name="Seed">The seed it was played with.</param>
/// <param name="Outcome">Resolved, abandoned, escalated, or InProgress when the session stopped early.</param>
/// <param name="TurnsTaken">Agent turns.</param>
/// <param name="TurnLimit">The scenario's turn limit.</param>
/// <param name="Empathy">The mean of the turn scores, 0–100.</param>
/// <param name="TurnScores">The coach's score of every turn.</param>
/// <param name="Turns">Every turn with its review.</param>
/// <param name="Curve">The customer's feeling before the first reply (turn 0) and after each turn.</param>
/// <param name="FactsFound">Facts the agent found out, of <paramref name="FactsTotal"/>.</param>
/// <param name="FactsTotal">Facts in the scenario.</param>
/// <param name="ItemsCovered">Resolution items covered, of <paramref name="ItemsTotal"/>.</param>
/// <param name="ItemsTotal">Resolution items in the scenario.</param>
/// <param name="Best">Up to three practices the agent did best, with an example in their own words.</param>
/// <param name="Weakest">Up to three practices the agent missed most, with an example and advice.</param>
/// <param name="PractiseNext">The one thing to practise next, in words.</param>
/// <param name="FocusPractice">The practice <paramref name="PractiseNext"/> is about; null when nothing was missed.</param>
public sealed record ScoreCard(
    string ScenarioId,
    int Seed,
    TrainingOutcome Outcome,
    int TurnsTaken,
    int TurnLimit,
    int Empathy,
    IReadOnlyList<int> TurnScores,
    IReadOnlyList<TrainingTurn> Turns,
    IReadOnlyList<EmotionPoint> Curve,
    int FactsFound,
    int FactsTotal,
    int ItemsCovered,
    int ItemsTotal,
    IReadOnlyList<PracticeHighlight> Best,
    IReadOnlyList<PracticeHighlight> Weakest,
    string PractiseNext,
    Practice? FocusPractice)
{
    internal static ScoreCard Of(TrainingSession session)
    {
        IReadOnlyList<TrainingTurn> turns = [.. session.Turns]; // a snapshot: the session may go on
        var scores = turns.Select(t => t.Review.Score).ToList();
        var empathy = scores.Count == 0 ? 0 : (int)Math.Round(scores.Average());
        List<EmotionPoint> curve = [new(0, session.StartState.Emotion, session.StartState.Intensity)];
        curve.AddRange(turns.Select(t => new EmotionPoint(t.Number, t.State.Emotion, t.State.Intensity)));
        var (best, weakest) = PracticeHighlights.From(turns);
        var focus = weakest.Count > 0 ? weakest[0] : null;
        var next = focus is not null
            ? focus.Advice!
            : turns.Count == 0
                ? "Reply to the customer to get a score card."
                : "Nothing missed: try a harder scenario, or the same one with a different seed.";
        var state = session.State;
        return new ScoreCard(
            session.Scenario.Id, session.Seed, session.Outcome, turns.Count, session.Scenario.TurnLimit, empathy, scores, turns, curve,
            state.RevealedFacts.Count, session.Scenario.Facts.Count, state.CoveredItems.Count, session.Scenario.Resolution.Count,
            best, weakest, next, focus?.Practice);
    }
}

/// <summary>The customer's feeling after a turn (turn 0: before the agent's first reply).</summary>
public readonly record struct EmotionPoint(int Turn, SupportEmotion Emotion, double Intensity);

/// <summary>A practice the agent did well or missed in a session.</summary>
/// <param name="Practice">The practice.</param>
/// <param name="Met">Turns that met it.</param>
/// <param name="Applicable">Turns it applied to.</param>
/// <param name="Example">The agent's own words: the sentence that met it, or the reply (or phrase) that missed it.</param>
/// <param name="ExampleTurn">The turn the example is from.</param>
/// <param name="Advice">The coach's suggestion for that turn; null for a practice done well.</param>
public sealed record PracticeHighlight(Practice Practice, int Met, int Applicable, string Example, int ExampleTurn, string? Advice);
