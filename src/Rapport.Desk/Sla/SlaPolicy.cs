using Rapport.Desk.Conversations;

namespace Rapport.Desk.Sla;

/// <summary>Response targets for one channel and priority band, in business minutes (the assignee's team's hours).</summary>
public sealed class SlaPolicy
{
    public long Id { get; set; }

    public Channel Channel { get; set; }

    public SlaPriority Priority { get; set; }

    /// <summary>Business minutes from the customer's first message to the first agent reply.</summary>
    public int FirstResponseMinutes { get; set; }

    /// <summary>Business minutes from a later customer message (after a reply) to the next agent reply.</summary>
    public int NextResponseMinutes { get; set; }
}
