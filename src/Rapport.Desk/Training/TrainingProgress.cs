using Microsoft.EntityFrameworkCore;
using Rapport.Core.Training;
using Rapport.Desk.Data;

namespace Rapport.Desk.Training;

/// <summary>How one agent is doing in training.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Name">Their name.</param>
/// <param name="Finished">Attempts that ended (resolved, abandoned or escalated).</param>
/// <param name="Resolved">Of those, resolved.</param>
/// <param name="InProgress">Attempts still open.</param>
/// <param name="MeanEmpathy">Mean empathy over the finished attempts (0 without any).</param>
/// <param name="RecentEmpathy">Mean empathy over the last three finished attempts, to see the trend.</param>
/// <param name="LastPlayedAt">When they last played, if ever.</param>
/// <param name="MostMissed">Up to three practices they miss most, over every turn of their finished attempts.</param>
/// <param name="Suggestion">The scenario to play next: one that trains their weakest practice.</param>
/// <param name="Assignments">Their assignments with their state, newest first.</param>
public sealed record AgentTrainingProgress(
    long AgentId,
    string Name,
    int Finished,
    int Resolved,
    int InProgress,
    double MeanEmpathy,
    double RecentEmpathy,
    DateTimeOffset? LastPlayedAt,
    IReadOnlyList<PracticeMisses> MostMissed,
    ScenarioSuggestion Suggestion,
    IReadOnlyList<AssignmentStatus> Assignments);

/// <summary>Training progress per agent, from their stored attempts replayed (the lead's view and the agent's own).</summary>
public sealed class TrainingProgress(RapportDbContext db, TrainingService training, TrainingAssignments assignments, ScenarioCatalog catalog)
{
    /// <summary>Progress of every agent in <paramref name="agentIds"/>, in name order; unknown ids are skipped.</summary>
    public async Task<IReadOnlyList<AgentTrainingProgress>> ForAgentsAsync(IReadOnlyCollection<long> agentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agentIds);
        var agents = await db.Agents.AsNoTracking().Where(a => agentIds.Contains(a.Id)).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = agents.Select(a => a.Id).ToList();
        var finished = await training.FinishedAsync(ids, cancellationToken).ConfigureAwait(false);
        var inProgressName = TrainingService.OutcomeName(TrainingOutcome.InProgress);
        var open = await db.TrainingAttempts.AsNoTracking()
            .Where(a => a.AgentId != null && ids.Contains(a.AgentId.Value) && a.Outcome == inProgressName)
            .GroupBy(a => a.AgentId!.Value).Select(g => new { Agent = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Agent, g => g.Count, cancellationToken).ConfigureAwait(false);
        var lastPlayed = await db.TrainingAttempts.AsNoTracking()
            .Where(a => a.AgentId != null && ids.Contains(a.AgentId.Value))
            .Select(a => new { Agent = a.AgentId!.Value, a.UpdatedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var statuses = await assignments.ListAsync(ids, cancellationToken).ConfigureAwait(false);
        var library = new ScenarioLibrary((await catalog.ListAsync(cancellationToken).ConfigureAwait(false)).Select(c => c.Scenario));

        return [.. agents.Select(agent =>
        {
            var plays = finished.Where(p => p.Attempt.AgentId == agent.Id).ToList();
            var cards = plays.Select(p => p.Session!.ScoreCard()).ToList();
            var recent = plays.TakeLast(3).ToList();
            var played = lastPlayed.Where(l => l.Agent == agent.Id).Select(l => (DateTimeOffset?)l.UpdatedAt).DefaultIfEmpty().Max();
            return new AgentTrainingProgress(
                agent.Id,
                agent.Name,
                plays.Count,
                cards.Count(c => c.Outcome == TrainingOutcome.Resolved),
                open.GetValueOrDefault(agent.Id),
                plays.Count == 0 ? 0 : Math.Round(plays.Average(p => p.Attempt.Empathy), 1),
                recent.Count == 0 ? 0 : Math.Round(recent.Average(p => p.Attempt.Empathy), 1),
                played,
                [.. MissedPractices.Rank(cards).Take(3)],
                ScenarioSuggester.Suggest(cards, library),
                [.. statuses.Where(s => s.Assignment.AgentId == agent.Id)]);
        })];
    }
}
