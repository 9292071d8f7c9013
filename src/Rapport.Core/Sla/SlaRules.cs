namespace Rapport.Core.Sla;

/// <summary>
/// The emotion-aware part of an SLA: how a customer's state tightens the response target, and how a running clock
/// reads at an instant. Documented in docs/sla.md and docs/decisions/0013-scheduling.md; change them together.
/// </summary>
public static class SlaRules
{
    /// <summary>Escalation risk at or above which the target is halved.</summary>
    public const double HighRiskThreshold = 0.7;

    /// <summary>Frustration (the strongest of frustration, anger and impatience) at or above which, when it rose since
    /// the customer's previous message, the target is cut to three quarters.</summary>
    public const double FrustrationThreshold = 0.5;

    /// <summary>The factor for high escalation risk.</summary>
    public const double HighRiskFactor = 0.5;

    /// <summary>The factor for rising frustration.</summary>
    public const double RisingFrustrationFactor = 0.75;

    /// <summary>No target is tightened below this.</summary>
    public static readonly TimeSpan MinimumTarget = TimeSpan.FromMinutes(5);

    /// <summary>A clock is in warning once this share of its target has elapsed.</summary>
    public const double WarningShare = 0.75;

    /// <summary>
    /// The target for a customer whose latest message reads <paramref name="escalationRisk"/> and
    /// <paramref name="frustration"/> (and <paramref name="previousFrustration"/> before it). High risk wins over
    /// rising frustration; the two do not multiply. Never below <see cref="MinimumTarget"/> unless the base already is.
    /// </summary>
    /// <param name="baseTarget">The policy's target for the channel and priority.</param>
    /// <param name="escalationRisk">0–1, of the latest customer message.</param>
    /// <param name="frustration">0–1, the strongest of frustration, anger and impatience in the latest customer message.</param>
    /// <param name="previousFrustration">The same for the customer message before it (0 when none).</param>
    public static SlaTarget Tighten(TimeSpan baseTarget, double escalationRisk, double frustration, double previousFrustration)
    {
        string? reason = null;
        var factor = 1.0;
        if (escalationRisk >= HighRiskThreshold)
        {
            (factor, reason) = (HighRiskFactor, "high escalation risk");
        }
        else if (frustration >= FrustrationThreshold && frustration > previousFrustration)
        {
            (factor, reason) = (RisingFrustrationFactor, "rising frustration");
        }

        if (reason is null)
        {
            return new SlaTarget(baseTarget, null);
        }

        var tightened = TimeSpan.FromSeconds(Math.Round(baseTarget.TotalSeconds * factor));
        var floor = baseTarget < MinimumTarget ? baseTarget : MinimumTarget;
        return new SlaTarget(tightened < floor ? floor : tightened, reason);
    }

    /// <summary>
    /// How a response clock reads at <paramref name="now"/>: started at <paramref name="startedAt"/>, with
    /// <paramref name="target"/> of business time, <paramref name="paused"/> of business time already spent paused,
    /// and paused since <paramref name="pausedAt"/> when it is paused now.
    /// </summary>
    public static SlaReading Read(BusinessCalendar calendar, DateTimeOffset startedAt, TimeSpan target, TimeSpan paused, DateTimeOffset? pausedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var pausedNow = pausedAt is { } since ? calendar.Between(since, now) : TimeSpan.Zero;
        var totalPaused = paused + pausedNow;
        var dueAt = calendar.Add(startedAt, target + totalPaused);
        var warnAt = calendar.Add(startedAt, (target * WarningShare) + totalPaused);
        var elapsed = calendar.Between(startedAt, now) - totalPaused;
        var remaining = target - elapsed;
        var state = pausedAt is not null ? SlaClockState.Paused
            : now >= dueAt ? SlaClockState.Breached
            : now >= warnAt ? SlaClockState.Warning
            : SlaClockState.Running;
        return new SlaReading(state, dueAt, warnAt, remaining);
    }
}

/// <summary>A response target and why it was tightened (null when it was not).</summary>
/// <param name="Target">Business time allowed.</param>
/// <param name="TightenedBy">"high escalation risk", "rising frustration" or null.</param>
public sealed record SlaTarget(TimeSpan Target, string? TightenedBy);

/// <summary>A clock at an instant.</summary>
/// <param name="State">Running, warning, breached or paused.</param>
/// <param name="DueAt">When it breaches if nothing pauses it (while paused: if it resumed now).</param>
/// <param name="WarnAt">When it turns to warning.</param>
/// <param name="Remaining">Business time left (negative once breached).</param>
public sealed record SlaReading(SlaClockState State, DateTimeOffset DueAt, DateTimeOffset WarnAt, TimeSpan Remaining);

/// <summary>The state of a running response clock.</summary>
public enum SlaClockState
{
    /// <summary>Within target, more than a quarter left.</summary>
    Running,

    /// <summary>Less than a quarter of the target left.</summary>
    Warning,

    /// <summary>Past due.</summary>
    Breached,

    /// <summary>Stopped while the desk waits on the customer.</summary>
    Paused,
}
