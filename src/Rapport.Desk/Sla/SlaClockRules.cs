using Rapport.Core.Sla;
using Rapport.Desk.Conversations;

namespace Rapport.Desk.Sla;

/// <summary>
/// How a response clock starts and how a customer message tightens it (docs/sla.md), shared by
/// <see cref="SlaClockInterceptor"/> (a live save) and the bulk import (<c>Importing/ImportTimers</c>, which replays the
/// customer messages of the wait), so both keep the same clock.
/// </summary>
internal static class SlaClockRules
{
    /// <summary>
    /// A clock for <paramref name="conversation"/>'s customer, waiting since its <see cref="Conversation.WaitingSince"/>:
    /// a first response when no agent has replied yet, else a next response, with the target of <paramref name="policy"/>
    /// tightened by the message that started the wait.
    /// </summary>
    /// <param name="conversation">Its status, waiting clock and first response as they are now.</param>
    /// <param name="band">The priority band the policy was chosen by.</param>
    /// <param name="policy">The targets of the conversation's channel and that band.</param>
    /// <param name="escalationRisk">Of the customer message that started the wait.</param>
    /// <param name="frustration">Of that message (<see cref="SlaCalendars.Frustration"/>).</param>
    /// <param name="previousFrustration">Of the customer message before it (0 when none).</param>
    /// <param name="pausedAt">When the conversation is pending (waiting on the customer): the clock starts paused.</param>
    public static SlaClock Start(
        Conversation conversation, SlaPriority band, SlaPolicy policy, double escalationRisk, double frustration, double previousFrustration, DateTimeOffset? pausedAt)
    {
        var kind = conversation.FirstResponseAt is null ? SlaResponseKind.FirstResponse : SlaResponseKind.NextResponse;
        var baseTarget = TimeSpan.FromMinutes(kind == SlaResponseKind.FirstResponse ? policy.FirstResponseMinutes : policy.NextResponseMinutes);
        var target = SlaRules.Tighten(baseTarget, escalationRisk, frustration, previousFrustration);
        return new SlaClock
        {
            Kind = kind,
            Priority = band,
            StartedAt = conversation.WaitingSince ?? throw new InvalidOperationException("A clock starts only while the customer waits."),
            BaseTargetSeconds = (long)baseTarget.TotalSeconds,
            TargetSeconds = (long)target.Target.TotalSeconds,
            TightenedBy = target.TightenedBy,
            LastFrustration = frustration,
            PausedAt = pausedAt,
        };
    }

    /// <summary>A later customer message on a running clock may tighten it; it never loosens it.</summary>
    public static void OnCustomerMessage(SlaClock clock, MessageReading latest)
    {
        var frustration = SlaCalendars.Frustration(latest);
        var target = SlaRules.Tighten(TimeSpan.FromSeconds(clock.BaseTargetSeconds), latest.EscalationRisk, frustration, clock.LastFrustration);
        if (target.Target.TotalSeconds < clock.TargetSeconds)
        {
            clock.TargetSeconds = (long)target.Target.TotalSeconds;
            clock.TightenedBy = target.TightenedBy;
        }

        clock.LastFrustration = frustration;
    }
}
