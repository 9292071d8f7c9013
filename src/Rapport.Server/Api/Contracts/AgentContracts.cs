using Rapport.Desk.Agents;

namespace Rapport.Server.Api.Contracts;

/// <summary>Body of agent create and update; <c>role</c> is agent (default), lead or admin.</summary>
internal sealed record AgentRequest(string? Name, string? Email, long? TeamId, string? Role);

internal sealed record AgentResponse(long Id, string Name, string Email, long? TeamId, string Role)
{
    public static AgentResponse From(Agent a) => new(a.Id, a.Name, a.Email, a.TeamId, ConversationMapping.Name(a.Role));
}

/// <summary>Body of team create and update.</summary>
internal sealed record TeamRequest(string? Name);

/// <summary>A team; <c>agents</c> is filled when one team is read.</summary>
internal sealed record TeamResponse(long Id, string Name, IReadOnlyList<AgentResponse>? Agents)
{
    public static TeamResponse From(Team t, bool withAgents) =>
        new(t.Id, t.Name, withAgents ? [.. t.Agents.OrderBy(a => a.Id).Select(AgentResponse.From)] : null);
}
