using Rapport.Core.Coaching;

namespace Rapport.Core.Training;

/// <summary>What to play next, and why.</summary>
/// <param name="Scenario">The suggested scenario.</param>
/// <param name="Practice">The practice it targets (the agent's weakest so far); null without history.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record ScenarioSuggestion(Scenario Scenario, Practice? Practice, string Reason);

/// <summary>Suggests the next scenario from an agent's score cards: one that trains their weakest practice.</summary>
public static class ScenarioSuggester
{
    /// <summary>
    /// The weakest practice is the one with the most weighted misses over every turn of <paramref name="history"/>;
    /// among the scenarios that target it, the one played least (then the lowest empathy there, then id order).
    /// </summary>
    public static ScenarioSuggestion Suggest(IReadOnlyList<ScoreCard> history, ScenarioLibrary library)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(library);
        if (library.Scenarios.Count == 0)
        {
            throw new ArgumentException("The library has no scenarios.", nameof(library));
        }

        var weakest = WeakestPractice(history);
        var played = history.GroupBy(c => c.ScenarioId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Best: g.Max(c => c.Empathy)), StringComparer.OrdinalIgnoreCase);
        (int Count, int Best) Played(Scenario s) => played.GetValueOrDefault(s.Id);

        if (weakest is null)
        {
            var fresh = library.Scenarios.OrderBy(s => Played(s).Count).ThenBy(s => s.Intensity).First();
            return new ScenarioSuggestion(fresh, null, history.Count == 0
                ? "A first scenario to get a baseline."
                : "No practice stands out as missed: try a scenario you have not played.");
        }

        var candidates = library.Scenarios.Where(s => s.Targets.Contains(weakest.Value)).ToList();
        if (candidates.Count == 0)
        {
            candidates = [.. library.Scenarios];
        }

        var pick = candidates.OrderBy(s => Played(s).Count).ThenBy(s => Played(s).Best).ThenBy(s => s.Id, StringComparer.Ordinal).First();
        return new ScenarioSuggestion(pick, weakest,
            $"Your most missed practice is \"{PracticeHighlights.Name(weakest.Value).ToLowerInvariant()}\"; \"{pick.Title}\" trains it.");
    }

    /// <summary>The practice with the most weighted misses over all turns; null when nothing was missed.</summary>
    public static Practice? WeakestPractice(IReadOnlyList<ScoreCard> history) =>
        MissedPractices.Rank(history) is [var first, ..] ? first.Practice : null;
}
