using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Emotions;
using Rapport.Core.Training;
using Rapport.Desk.Data;

namespace Rapport.Desk.Training;

/// <summary>An attempt with its session, replayed from the stored replies.</summary>
/// <param name="Attempt">The stored attempt.</param>
/// <param name="Session">
/// The session, replayed turn by turn (deterministic for the scenario, seed and replies); null when the scenario is no
/// longer in the catalog (a stored scenario was removed), so only the stored summary and replies remain.
/// </param>
public sealed record TrainingPlay(TrainingAttempt Attempt, TrainingSession? Session)
{
    /// <summary>The agent's replies, oldest first, as stored.</summary>
    public IReadOnlyList<string> Replies => TrainingService.Replies(Attempt);
}

/// <summary>Starts, plays and reads training attempts; the simulator is pure, the attempt stores only its inputs.</summary>
public sealed class TrainingService(RapportDbContext db, ScenarioCatalog catalog, TimeProvider time)
{

    /// <summary>Starts an attempt of <paramref name="scenarioId"/>; without a seed one is chosen from the clock.</summary>
    /// <exception cref="DeskValidationException">The scenario or the agent does not exist.</exception>
    public async Task<TrainingPlay> StartAsync(string scenarioId, int? seed, long? agentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenarioId);
        var scenario = await catalog.FindAsync(scenarioId, cancellationToken).ConfigureAwait(false) ?? throw new DeskValidationException("scenarioId", $"There is no scenario '{scenarioId}'.");
        if (agentId is { } agent && !await db.Agents.AnyAsync(a => a.Id == agent, cancellationToken).ConfigureAwait(false))
        {
            throw new DeskValidationException("agentId", $"There is no agent {agent}.");
        }

        var now = time.GetUtcNow();
        var session = TrainingSession.Start(scenario, seed ?? (int)(now.ToUnixTimeMilliseconds() % 1_000_000));
        var attempt = new TrainingAttempt
        {
            AgentId = agentId,
            ScenarioId = scenario.Id,
            Seed = session.Seed,
            RepliesJson = "[]",
            EngineVersion = EmotionAnalyzer.Version,
            Outcome = OutcomeName(session.Outcome),
            StartedAt = now,
            UpdatedAt = now,
        };
        db.TrainingAttempts.Add(attempt);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new TrainingPlay(attempt, session);
    }

    /// <summary>Plays the agent's next reply; null when the attempt does not exist.</summary>
    /// <exception cref="DeskValidationException">The conversation is already over, or its scenario was removed.</exception>
    public async Task<(TrainingPlay Play, TrainingTurn Turn)?> ReplyAsync(long attemptId, string reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var attempt = await db.TrainingAttempts.FirstOrDefaultAsync(a => a.Id == attemptId, cancellationToken).ConfigureAwait(false);
        if (attempt is null)
        {
            return null;
        }

        var replies = Replies(attempt);
        var session = await ReplayAsync(attempt, replies, cancellationToken).ConfigureAwait(false)
            ?? throw new DeskValidationException("scenarioId", $"The scenario '{attempt.ScenarioId}' is no longer available, so this attempt cannot go on; start an attempt of another scenario.");
        if (session.IsOver)
        {
            throw new DeskValidationException("reply", $"The conversation is over ({OutcomeName(session.Outcome)}); start a new attempt.");
        }

        var turn = session.Reply(reply);
        replies.Add(reply);
        attempt.RepliesJson = JsonSerializer.Serialize(replies, DeskJson.Options);
        Summarise(attempt, session);
        attempt.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (new TrainingPlay(attempt, session), turn);
    }

    /// <summary>The attempt replayed; null when it does not exist.</summary>
    public async Task<TrainingPlay?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var attempt = await db.TrainingAttempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        return attempt is null ? null : new TrainingPlay(attempt, await ReplayAsync(attempt, Replies(attempt), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Attempts, newest first, optionally of one agent.</summary>
    public async Task<IReadOnlyList<TrainingAttempt>> ListAsync(long? agentId, CancellationToken cancellationToken)
    {
        var query = db.TrainingAttempts.AsNoTracking();
        if (agentId is { } agent)
        {
            query = query.Where(a => a.AgentId == agent);
        }

        return await query.OrderByDescending(a => a.Id).Take(200).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The outcome as stored and sent: camelCase ("inProgress", "resolved").</summary>
    public static string OutcomeName(TrainingOutcome outcome) => DeskJson.CamelCase(outcome.ToString());

    /// <summary>Every attempt of <paramref name="agentIds"/> that has ended, replayed (oldest first); attempts whose scenario is gone are skipped.</summary>
    public async Task<IReadOnlyList<TrainingPlay>> FinishedAsync(IReadOnlyCollection<long> agentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agentIds);
        var inProgress = OutcomeName(TrainingOutcome.InProgress);
        var attempts = await db.TrainingAttempts.AsNoTracking()
            .Where(a => a.AgentId != null && agentIds.Contains(a.AgentId.Value) && a.Outcome != inProgress)
            .OrderBy(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var scenarios = new Dictionary<string, Scenario?>(StringComparer.OrdinalIgnoreCase);
        var plays = new List<TrainingPlay>(attempts.Count);
        foreach (var attempt in attempts)
        {
            if (!scenarios.TryGetValue(attempt.ScenarioId, out var scenario))
            {
                scenario = await catalog.FindAsync(attempt.ScenarioId, cancellationToken).ConfigureAwait(false);
                scenarios[attempt.ScenarioId] = scenario;
            }

            if (scenario is not null)
            {
                plays.Add(new TrainingPlay(attempt, Replay(scenario, attempt.Seed, Replies(attempt))));
            }
        }

        return plays;
    }

    internal static List<string> Replies(TrainingAttempt attempt) =>
        JsonSerializer.Deserialize<List<string>>(attempt.RepliesJson, DeskJson.Options) ?? [];

    private async Task<TrainingSession?> ReplayAsync(TrainingAttempt attempt, List<string> replies, CancellationToken cancellationToken) =>
        await catalog.FindAsync(attempt.ScenarioId, cancellationToken).ConfigureAwait(false) is { } scenario
            ? Replay(scenario, attempt.Seed, replies)
            : null;

    private static TrainingSession Replay(Scenario scenario, int seed, IReadOnlyList<string> replies)
    {
        var session = TrainingSession.Start(scenario, seed);
        foreach (var reply in replies)
        {
            if (session.IsOver)
            {
                break;
            }

            session.Reply(reply);
        }

        return session;
    }

    private static void Summarise(TrainingAttempt attempt, TrainingSession session)
    {
        var card = session.ScoreCard();
        attempt.Outcome = OutcomeName(card.Outcome);
        attempt.Turns = card.TurnsTaken;
        attempt.Empathy = card.Empathy;
        attempt.EngineVersion = EmotionAnalyzer.Version;
    }
}
