using Rapport.Core.Sla;

namespace Rapport.Core.Tests.Sla;

public sealed class SlaRulesTests
{
    private static readonly TimeSpan Ten = TimeSpan.FromMinutes(10);
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Tighten_CalmCustomer_KeepsTheTarget() =>
        Assert.Equal(new SlaTarget(Ten, null), SlaRules.Tighten(Ten, 0.2, 0.1, 0));

    [Fact]
    public void Tighten_HighEscalationRisk_HalvesTheTarget() =>
        Assert.Equal(new SlaTarget(TimeSpan.FromMinutes(5), "high escalation risk"), SlaRules.Tighten(Ten, 0.7, 0.9, 0.1));

    [Fact]
    public void Tighten_RisingFrustration_CutsToThreeQuarters() =>
        Assert.Equal(new SlaTarget(TimeSpan.FromSeconds(450), "rising frustration"), SlaRules.Tighten(Ten, 0.3, 0.6, 0.2));

    [Fact]
    public void Tighten_FrustrationThatDidNotRise_KeepsTheTarget() =>
        Assert.Null(SlaRules.Tighten(Ten, 0.3, 0.6, 0.6).TightenedBy);

    [Fact]
    public void Tighten_NeverGoesBelowTheFloor()
    {
        Assert.Equal(SlaRules.MinimumTarget, SlaRules.Tighten(TimeSpan.FromMinutes(6), 0.9, 0, 0).Target);
        Assert.Equal(TimeSpan.FromMinutes(2), SlaRules.Tighten(TimeSpan.FromMinutes(2), 0.9, 0, 0).Target);
    }

    [Fact]
    public void Read_MovesFromRunningToWarningToBreached()
    {
        var calendar = BusinessCalendar.AlwaysOpen;
        Assert.Equal(SlaClockState.Running, SlaRules.Read(calendar, Start, Ten, TimeSpan.Zero, null, Start.AddMinutes(7)).State);
        var warning = SlaRules.Read(calendar, Start, Ten, TimeSpan.Zero, null, Start.AddMinutes(8));
        Assert.Equal((SlaClockState.Warning, TimeSpan.FromMinutes(2), Start.AddMinutes(10), Start.AddMinutes(7.5)), (warning.State, warning.Remaining, warning.DueAt, warning.WarnAt));
        var breached = SlaRules.Read(calendar, Start, Ten, TimeSpan.Zero, null, Start.AddMinutes(12));
        Assert.Equal((SlaClockState.Breached, TimeSpan.FromMinutes(-2)), (breached.State, breached.Remaining));
    }

    [Fact]
    public void Read_PausedTimeDoesNotCount()
    {
        // 4 minutes run, paused 2 hours ago: still 6 minutes left, and if it resumed now it would be due in 6.
        var now = Start.AddMinutes(124);
        var paused = SlaRules.Read(BusinessCalendar.AlwaysOpen, Start, Ten, TimeSpan.Zero, Start.AddMinutes(4), now);
        Assert.Equal((SlaClockState.Paused, TimeSpan.FromMinutes(6), now.AddMinutes(6)), (paused.State, paused.Remaining, paused.DueAt));

        // Resumed with those 120 minutes booked as paused.
        var resumed = SlaRules.Read(BusinessCalendar.AlwaysOpen, Start, Ten, TimeSpan.FromMinutes(120), null, now);
        Assert.Equal((SlaClockState.Running, TimeSpan.FromMinutes(6)), (resumed.State, resumed.Remaining));
    }
}
