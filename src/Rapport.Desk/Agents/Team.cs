namespace Rapport.Desk.Agents;

/// <summary>A group of agents (e.g. "Orders and delivery").</summary>
public sealed class Team
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public List<Agent> Agents { get; } = [];
}
