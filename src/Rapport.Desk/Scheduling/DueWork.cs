namespace Rapport.Desk.Scheduling;

/// <summary>
/// A domain timer: "do <see cref="Kind"/> for <see cref="SubjectId"/> at <see cref="DueAt"/>". Features write these
/// rows (an SLA warning, later a follow-up or a promise reminder); <see cref="DueWorkSweeper"/> runs each one once
/// through the handler registered for its kind (docs/decisions/0013-scheduling.md).
/// </summary>
public sealed class DueWork
{
    public long Id { get; set; }

    /// <summary>Which handler runs it, e.g. <c>sla.check</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>What it is about (a conversation id for SLA work).</summary>
    public long SubjectId { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When its handler's work was committed (set in the same transaction); null while it is still to do.</summary>
    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>Failed runs so far; after <see cref="DueWorkSweeper.MaxAttempts"/> the row is given up (<see cref="Failed"/>).</summary>
    public int Attempts { get; set; }

    /// <summary>True when the row was given up after too many failures (then <see cref="DoneAt"/> is set too).</summary>
    public bool Failed { get; set; }

    /// <summary>The last failure's exception type and message (no customer text: handlers throw ids, not bodies).</summary>
    public string? LastError { get; set; }
}
