namespace Rapport.Desk.Agents;

/// <summary>What an agent may do in the desk.</summary>
public enum AgentRole
{
    Agent,
    Lead,
    Admin,
}
