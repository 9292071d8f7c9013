namespace Rapport.Desk.Importing;

/// <summary>The timers an import started (docs/import.md, "Timers").</summary>
/// <param name="SlaClocks">Response clocks started for customers left waiting (including those already breached).</param>
/// <param name="SlaBreached">Of those, the clocks already past their target at import time: breached at once, told in one summary per team.</param>
/// <param name="Promises">Promises in imported agent replies still due after the import, now tracked with reminders.</param>
/// <param name="QuietFollowUps">Quiet-customer timers started for conversations left waiting on the customer.</param>
public sealed record ImportTimerCounts(int SlaClocks, int SlaBreached, int Promises, int QuietFollowUps)
{
    public static ImportTimerCounts None { get; } = new(0, 0, 0, 0);

    public static ImportTimerCounts operator +(ImportTimerCounts a, ImportTimerCounts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.SlaClocks + b.SlaClocks, a.SlaBreached + b.SlaBreached, a.Promises + b.Promises, a.QuietFollowUps + b.QuietFollowUps);
    }
}
