using Rapport.Desk.Data;
using Rapport.Desk.FollowUps;
using Rapport.Desk.Promises;
using Rapport.Desk.Sla;

namespace Rapport.Desk.Importing;

/// <summary>The new timer rows of one import batch, inserted in bulk in its transaction after its save.</summary>
internal sealed class ImportTimerRows(ImportDueWork dueWork)
{
    public List<SlaClock> Clocks { get; } = [];

    public List<SlaAlert> Alerts { get; } = [];

    public List<Promise> Promises { get; } = [];

    public List<FollowUp> FollowUps { get; } = [];

    /// <summary>Clocks started (new rows and stored rows restarted for a new wait).</summary>
    public int ClocksStarted { get; set; }

    /// <summary>Of those, the ones already past their target.</summary>
    public int Breached { get; set; }

    public ImportTimerCounts Counts => new(ClocksStarted, Breached, Promises.Count, FollowUps.Count);

    public async Task InsertAsync(RapportDbContext db, CancellationToken cancellationToken)
    {
        await BulkInsert.InsertAsync(db, Clocks, null, null, null, cancellationToken).ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, Alerts, null, null, null, cancellationToken).ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, Promises, null, null, null, cancellationToken).ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, FollowUps, null, null, null, cancellationToken).ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, [.. dueWork.Added], null, null, null, cancellationToken).ConfigureAwait(false);
    }
}
