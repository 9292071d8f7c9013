using Rapport.Core.Promises;

namespace Rapport.Desk.Promises;

/// <summary>The ledger's timing and wording rules (docs/promises.md); pure.</summary>
public static class PromiseRules
{
    /// <summary>How long before the due time the agent is reminded.</summary>
    public static readonly TimeSpan ReminderLead = TimeSpan.FromHours(1);

    /// <summary>
    /// An hour before the due time; for a promise due within two hours of being made, halfway (so "within the hour"
    /// reminds after 30 minutes rather than at once).
    /// </summary>
    public static DateTimeOffset RemindAt(DateTimeOffset createdAt, DateTimeOffset dueAt) =>
        dueAt - createdAt >= 2 * ReminderLead ? dueAt - ReminderLead : createdAt + ((dueAt - createdAt) / 2);

    /// <summary>"call back by Friday", "refund tomorrow": what the priority reason says of a broken promise.</summary>
    public static string Describe(PromiseKind kind, string? when)
    {
        var what = kind switch
        {
            PromiseKind.CallBack => "call back",
            PromiseKind.Update => "update",
            PromiseKind.FollowUp => "get back",
            PromiseKind.Check => "check",
            PromiseKind.Refund => "refund",
            PromiseKind.Replacement => "replacement",
            PromiseKind.Send => "send",
            PromiseKind.Fix => "fix",
            PromiseKind.Escalate => "escalate",
            _ => "promise",
        };
        return string.IsNullOrWhiteSpace(when) ? what : $"{what} {when.Trim().ToLowerInvariant()}";
    }
}
