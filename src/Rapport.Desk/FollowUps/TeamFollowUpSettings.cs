using Rapport.Desk.Agents;

namespace Rapport.Desk.FollowUps;

/// <summary>A team's follow-up delays; a team without a row uses <see cref="FollowUpOptions"/>' defaults.</summary>
public sealed class TeamFollowUpSettings
{
    public long TeamId { get; set; }

    public Team? Team { get; set; }

    /// <summary>Hours after resolution before the check-in.</summary>
    public int FollowUpAfterHours { get; set; }

    /// <summary>Hours of customer silence on a pending conversation before the reminder, and again before closing.</summary>
    public int QuietAfterHours { get; set; }
}
