namespace Rapport.Core.Coaching;

/// <summary>Whether a reply follows a practice.</summary>
public enum FindingStatus
{
    Met,
    Missed,
    NotApplicable,
}
