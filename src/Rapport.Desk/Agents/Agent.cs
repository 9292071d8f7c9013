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

    /// <summary>The web sign-in password, hashed (ASP.NET Core Identity's hasher); null when the agent cannot sign in.</summary>
    public string? PasswordHash { get; set; }
}
