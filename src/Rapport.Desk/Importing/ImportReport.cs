namespace Rapport.Desk.Importing;

/// <summary>What an import did: every line is imported, a duplicate (its external id was already stored) or rejected.</summary>
/// <param name="Lines">Lines (CSV records) read, blank lines and the CSV header not counted.</param>
/// <param name="Imported">Messages stored by this import.</param>
/// <param name="Duplicates">Lines whose external id was already stored (or repeated in the body): skipped.</param>
/// <param name="Rejected">Lines that were not valid, with the reasons.</param>
/// <param name="ConversationsCreated">Conversations (new conversation keys) created.</param>
/// <param name="CustomersCreated">Customers created (no customer had the e-mail, or the name).</param>
/// <param name="Timers">The SLA clocks, promises and quiet-customer follow-ups the import started (docs/import.md, "Timers").</param>
public sealed record ImportReport(
    int Lines,
    int Imported,
    int Duplicates,
    IReadOnlyList<RejectedLine> Rejected,
    int ConversationsCreated,
    int CustomersCreated,
    ImportTimerCounts Timers);

/// <summary>A line that was not imported, and why.</summary>
/// <param name="Line">1-based, in the body that was imported.</param>
/// <param name="Reason">What is wrong, naming the field.</param>
public sealed record RejectedLine(int Line, string Reason);
