using Rapport.Desk.Importing;

namespace Rapport.Server.Api.Contracts;

/// <summary>The answer to an import: when it is 200, every imported line is committed, with the timers it started.</summary>
internal sealed record ImportResponse(
    int Lines, int Imported, int Duplicates, IReadOnlyList<RejectedLineResponse> Rejected, int ConversationsCreated, int CustomersCreated, ImportTimersResponse Timers)
{
    public static ImportResponse From(ImportReport report) => new(
        report.Lines,
        report.Imported,
        report.Duplicates,
        [.. report.Rejected.Select(r => new RejectedLineResponse(r.Line, r.Reason))],
        report.ConversationsCreated,
        report.CustomersCreated,
        new ImportTimersResponse(report.Timers.SlaClocks, report.Timers.SlaBreached, report.Timers.Promises, report.Timers.QuietFollowUps));
}

/// <summary>
/// What the import started (docs/import.md, "Timers"): SLA clocks (of which already breached, told in one summary per
/// team), promises still due, quiet-customer follow-ups.
/// </summary>
internal sealed record ImportTimersResponse(int SlaClocks, int SlaBreached, int Promises, int QuietFollowUps);

/// <summary>A line of the body that was not imported: its 1-based number and why.</summary>
internal sealed record RejectedLineResponse(int Line, string Reason);
