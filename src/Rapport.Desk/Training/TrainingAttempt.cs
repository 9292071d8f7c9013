namespace Rapport.Desk.Training;

/// <summary>
/// One role-play attempt (docs/decisions/0010-training-simulator.md). The simulator is deterministic, so the scenario,
/// the seed and the agent's replies are the whole record; outcome, turns and empathy are kept for listing and sorting
/// and are recomputed by replaying the replies.
/// </summary>
public sealed class TrainingAttempt
{
    public long Id { get; set; }

    public long? AgentId { get; set; }

    public required string ScenarioId { get; set; }

    public int Seed { get; set; }

    /// <summary>The agent's replies, oldest first, as a JSON array of strings.</summary>
    public required string RepliesJson { get; set; }

    /// <summary>The engine that scored the attempt when it was last played.</summary>
    public required string EngineVersion { get; set; }

    /// <summary>inProgress, resolved, abandoned or escalated.</summary>
    public required string Outcome { get; set; }

    public int Turns { get; set; }

    /// <summary>The mean of the turn scores, 0–100.</summary>
    public double Empathy { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
