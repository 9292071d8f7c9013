using System.ComponentModel.DataAnnotations;

namespace Rapport.Desk.FollowUps;

/// <summary>The <c>Rapport:FollowUps</c> section: the defaults for teams without their own settings.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "Rapport:FollowUps";

    public const int MaxHours = 90 * 24;

    /// <summary>Hours after resolution before the check-in (default 72: three days).</summary>
    [Range(1, MaxHours)]
    public int FollowUpAfterHours { get; set; } = 72;

    /// <summary>Hours of customer silence before the reminder, and again before closing (default 48: two days).</summary>
    [Range(1, MaxHours)]
    public int QuietAfterHours { get; set; } = 48;
}
