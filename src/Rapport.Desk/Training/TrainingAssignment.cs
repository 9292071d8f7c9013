namespace Rapport.Desk.Training;

/// <summary>
/// A lead asks an agent to play a scenario. Whether it is done is not stored: an assignment is done once the agent has
/// resolved an attempt of the scenario started after it was assigned (<see cref="TrainingAssignments"/>).
/// </summary>
public sealed class TrainingAssignment
{
    public long Id { get; set; }

    public long AgentId { get; set; }

    public required string ScenarioId { get; set; }

    /// <summary>The lead or admin who assigned it; null through an API key.</summary>
    public long? AssignedById { get; set; }

    public DateTimeOffset AssignedAt { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    /// <summary>A word from the lead ("you'll meet this one on Mondays").</summary>
    public string? Note { get; set; }
}
