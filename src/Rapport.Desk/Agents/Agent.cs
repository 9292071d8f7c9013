namespace Rapport.Desk.Agents;

/// <summary>A person who answers customers.</summary>
public sealed class Agent
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public long? TeamId { get; set; }

    public Team? Team { get; set; }

    public AgentRole Role { get; set; }
}
