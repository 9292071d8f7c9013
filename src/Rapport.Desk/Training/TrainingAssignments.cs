using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Data;

namespace Rapport.Desk.Training;

/// <summary>Where an assignment stands, derived from the agent's attempts since it was assigned.</summary>
public enum AssignmentState
{
    /// <summary>Not played since it was assigned.</summary>
    Open,

    /// <summary>Played, not resolved yet.</summary>
    Tried,

    /// <summary>Resolved in an attempt started after it was assigned.</summary>
    Done,
}

/// <summary>An assignment with its state.</summary>
/// <param name="Assignment">The stored assignment.</param>
/// <param name="State">Open, tried or done.</param>
/// <param name="Attempts">Attempts of the scenario the agent started since it was assigned.</param>
/// <param name="BestEmpathy">The best empathy among them (0 when none).</param>
/// <param name="DoneAttemptId">The first resolved attempt, when done.</param>
/// <param name="Overdue">Past its due time and not done.</param>
public sealed record AssignmentStatus(TrainingAssignment Assignment, AssignmentState State, int Attempts, double BestEmpathy, long? DoneAttemptId, bool Overdue);

/// <summary>Leads assign scenarios to agents; the state of each follows from the agent's attempts (nothing to keep in sync).</summary>
public sealed class TrainingAssignments(RapportDbContext db, ScenarioCatalog catalog, TimeProvider time)
{
    /// <summary>The longest note a lead can leave on an assignment.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>Assigns <paramref name="scenarioId"/> to <paramref name="agentId"/>.</summary>
    /// <exception cref="DeskValidationException">The agent, the assigner or the scenario does not exist, or the due time has passed.</exception>
    /// <exception cref="DeskConflictException">The agent already has this scenario assigned and not done.</exception>
    public async Task<AssignmentStatus> AssignAsync(
        long agentId, string scenarioId, DateTimeOffset? dueAt, string? note, long? assignedById, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenarioId);
        if (!await db.Agents.AnyAsync(a => a.Id == agentId, cancellationToken).ConfigureAwait(false))
        {
            throw new DeskValidationException("agentId", $"There is no agent {agentId}.");
        }

        if (assignedById is { } by && !await db.Agents.AnyAsync(a => a.Id == by, cancellationToken).ConfigureAwait(false))
        {
            throw new DeskValidationException("assignedById", $"There is no agent {by}.");
        }

        var scenario = await catalog.FindAsync(scenarioId, cancellationToken).ConfigureAwait(false)
            ?? throw new DeskValidationException("scenarioId", $"There is no scenario '{scenarioId}'.");
        var now = time.GetUtcNow();
        if (dueAt is { } due && due <= now)
        {
            throw new DeskValidationException("dueAt", "The due time has already passed.");
        }

        var existing = await ListAsync([agentId], cancellationToken).ConfigureAwait(false);
        if (existing.Any(s => s.State != AssignmentState.Done && string.Equals(s.Assignment.ScenarioId, scenario.Id, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DeskConflictException($"Agent {agentId} already has '{scenario.Title}' assigned and not yet resolved.");
        }

        var assignment = new TrainingAssignment
        {
            AgentId = agentId,
            ScenarioId = scenario.Id,
            AssignedById = assignedById,
            AssignedAt = now,
            DueAt = dueAt,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        db.TrainingAssignments.Add(assignment);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new AssignmentStatus(assignment, AssignmentState.Open, 0, 0, null, false);
    }

    /// <summary>The assignments of <paramref name="agentIds"/> (every agent when null), newest first, with their state.</summary>
    public async Task<IReadOnlyList<AssignmentStatus>> ListAsync(IReadOnlyCollection<long>? agentIds, CancellationToken cancellationToken)
    {
        var query = db.TrainingAssignments.AsNoTracking();
        if (agentIds is not null)
        {
            query = query.Where(a => agentIds.Contains(a.AgentId));
        }

        var assignments = await query.OrderByDescending(a => a.AssignedAt).ThenByDescending(a => a.Id).Take(500)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (assignments.Count == 0)
        {
            return [];
        }

        var agents = assignments.Select(a => a.AgentId).Distinct().ToList();
        var since = assignments.Min(a => a.AssignedAt);
        var attempts = await db.TrainingAttempts.AsNoTracking()
            .Where(t => t.AgentId != null && agents.Contains(t.AgentId.Value) && t.StartedAt >= since)
            .Select(t => new { t.Id, t.AgentId, t.ScenarioId, t.StartedAt, t.Outcome, t.Empathy })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var resolved = TrainingService.OutcomeName(Core.Training.TrainingOutcome.Resolved);
        var now = time.GetUtcNow();
        return [.. assignments.Select(a =>
        {
            var mine = attempts
                .Where(t => t.AgentId == a.AgentId && t.StartedAt >= a.AssignedAt
                    && string.Equals(t.ScenarioId, a.ScenarioId, StringComparison.OrdinalIgnoreCase))
                .OrderBy(t => t.Id).ToList();
            var done = mine.FirstOrDefault(t => t.Outcome == resolved);
            var state = done is not null ? AssignmentState.Done : mine.Count > 0 ? AssignmentState.Tried : AssignmentState.Open;
            return new AssignmentStatus(a, state, mine.Count, mine.Count == 0 ? 0 : mine.Max(t => t.Empathy), done?.Id,
                state != AssignmentState.Done && a.DueAt is { } due && due < now);
        })];
    }

    /// <summary>The assignment, or null.</summary>
    public Task<TrainingAssignment?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.TrainingAssignments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>Withdraws an assignment; false when there is none.</summary>
    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken) =>
        await db.TrainingAssignments.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
}
