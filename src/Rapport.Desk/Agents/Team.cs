namespace Rapport.Desk.Agents;

/// <summary>A group of agents (e.g. "Orders and delivery").</summary>
public sealed class Team
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Replies scoring below this empathy score ask the agent "Send anyway?" before they go out.</summary>
    public int ReplyScoreThreshold { get; set; } = 50;

    public List<Agent> Agents { get; } = [];
}
