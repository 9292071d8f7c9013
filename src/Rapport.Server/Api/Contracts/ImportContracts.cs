using Rapport.Desk.Importing;

namespace Rapport.Server.Api.Contracts;

/// <summary>The answer to an import: when it is 200, every imported line is committed.</summary>
internal sealed record ImportResponse(
    int Lines, int Imported, int Duplicates, IReadOnlyList<RejectedLineResponse> Rejected, int ConversationsCreated, int CustomersCreated)
{
    public static ImportResponse From(ImportReport report) => new(
        report.Lines,
        report.Imported,
        report.Duplicates,
        [.. report.Rejected.Select(r => new RejectedLineResponse(r.Line, r.Reason))],
        report.ConversationsCreated,
        report.CustomersCreated);
}

/// <summary>A line of the body that was not imported: its 1-based number and why.</summary>
internal sealed record RejectedLineResponse(int Line, string Reason);
