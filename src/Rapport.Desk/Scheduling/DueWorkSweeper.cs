using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rapport.Desk.Data;

namespace Rapport.Desk.Scheduling;

/// <summary>
/// Runs due work exactly once. Each batch is one transaction: the due, unfinished rows are claimed (their
/// <see cref="DueWork.DoneAt"/> set only if still null), the handlers run and their changes are saved once, and the
/// commit makes the handlers' effects and the "done" marks durable together. If any handler fails, the whole batch is
/// rolled back and run again with a savepoint per row. A crash before the commit loses the whole
/// batch, effects included, so the next sweep re-runs exactly the rows that are not done. A handler that throws is
/// rolled back to its savepoint and the row retried later (backoff), up to <see cref="MaxAttempts"/>.
/// Callable directly (tests drive it with a FakeTimeProvider); the Quartz job only calls <see cref="SweepAsync"/>.
/// </summary>
public sealed partial class DueWorkSweeper(IServiceScopeFactory scopes, TimeProvider time, ILogger<DueWorkSweeper> logger)
{
    public const int MaxAttempts = 5;
    public const int DefaultBatchSize = 200;

    /// <summary>Sweeps until nothing is due or <paramref name="maxRows"/> rows were handled.</summary>
    /// <returns>How many rows were finished (done or given up).</returns>
    public async Task<int> SweepAsync(int batchSize, int maxRows, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var total = 0;
        while (total < maxRows)
        {
            var size = Math.Min(batchSize, maxRows - total);
            var finished = await SweepBatchAsync(size, careful: false, cancellationToken).ConfigureAwait(false)
                ?? (await SweepBatchAsync(size, careful: true, cancellationToken).ConfigureAwait(false))!.Value;
            total += finished.Handled;
            if (finished.Claimed < batchSize)
            {
                break;
            }
        }

        return total;
    }

    // careful: false runs the whole batch and saves once (the fast path); if anything fails it rolls everything back and
    // answers null, and the batch is run again carefully: a savepoint per row, so one failing row is retried alone.
    private async Task<(int Claimed, int Handled)?> SweepBatchAsync(int batchSize, bool careful, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var handlers = scope.ServiceProvider.GetServices<IDueWorkHandler>().ToDictionary(h => h.Kind, StringComparer.Ordinal);
        var now = time.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var batch = await db.DueWork
            .Where(w => w.DoneAt == null && w.DueAt <= now)
            .OrderBy(w => w.DueAt).ThenBy(w => w.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            return (0, 0);
        }

        // Claim: only rows nobody finished meanwhile. On PostgreSQL the update locks them until the commit, so a second
        // sweeper (another node) waits and then claims none; on SQLite the write lock serialises sweepers.
        var ids = batch.Select(w => w.Id).ToList();
        var claimed = await db.DueWork.Where(w => ids.Contains(w.Id) && w.DoneAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.DoneAt, now), cancellationToken).ConfigureAwait(false);
        if (claimed != batch.Count)
        {
            // Another sweeper finished some of these meanwhile: leave the batch to the next sweep rather than guess which.
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return (0, 0);
        }

        // The claim wrote DoneAt; say so to the change tracker, so only what the handlers change is written again. Done
        // before the handlers run, so a handler that schedules the next row of its own kind and subject
        // (DueWorkSchedule) adds a new one rather than moving this one.
        foreach (var work in batch)
        {
            work.DoneAt = now;
        }

        db.ChangeTracker.AcceptAllChanges();
        foreach (var kind in batch.GroupBy(w => w.Kind, StringComparer.Ordinal))
        {
            if (handlers.TryGetValue(kind.Key, out var handler))
            {
                await handler.PrepareAsync([.. kind], db, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!careful)
        {
            try
            {
                foreach (var work in batch)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await RunAsync(work, handlers, db, cancellationToken).ConfigureAwait(false);
                }

                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                LogSwept(logger, batch.Count, batch.Count);
                return (batch.Count, batch.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogBatchFailed(logger, e, batch.Count);
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                return null;
            }
        }

        var handled = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var work = batch[i];
            var savepoint = "w" + work.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await transaction.CreateSavepointAsync(savepoint, cancellationToken).ConfigureAwait(false);
            try
            {
                await RunAsync(work, handlers, db, cancellationToken).ConfigureAwait(false);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                handled++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await transaction.RollbackToSavepointAsync(savepoint, cancellationToken).ConfigureAwait(false);
                LogFailed(logger, e, work.Id, work.Kind, work.Attempts + 1);

                // Forget what the handler changed, then record the failure on the row (claimed above, so un-claim it
                // unless it is given up).
                db.ChangeTracker.Clear();
                var attempts = work.Attempts + 1;
                var givenUp = attempts >= MaxAttempts;
                var error = Truncate($"{e.GetType().Name}: {e.Message}", 500);
                var retryAt = now + TimeSpan.FromSeconds(30 * Math.Pow(2, attempts - 1));
                await db.DueWork.Where(w => w.Id == work.Id).ExecuteUpdateAsync(
                    s => s.SetProperty(w => w.Attempts, attempts)
                        .SetProperty(w => w.LastError, error)
                        .SetProperty(w => w.Failed, givenUp)
                        .SetProperty(w => w.DoneAt, givenUp ? now : null)
                        .SetProperty(w => w.DueAt, givenUp ? work.DueAt : retryAt),
                    cancellationToken).ConfigureAwait(false);
                if (givenUp)
                {
                    handled++;
                }

                // Re-attach the rest of the batch (claimed, as stored) so later rows save normally.
                foreach (var rest in batch.Skip(i + 1))
                {
                    db.DueWork.Attach(rest);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        LogSwept(logger, batch.Count, handled);
        return (batch.Count, handled);
    }

    private async Task RunAsync(DueWork work, Dictionary<string, IDueWorkHandler> handlers, RapportDbContext db, CancellationToken cancellationToken)
    {
        if (handlers.TryGetValue(work.Kind, out var handler))
        {
            await handler.HandleAsync(work, db, cancellationToken).ConfigureAwait(false);
            return;
        }

        LogNoHandler(logger, work.Id, work.Kind);
        work.Failed = true;
        work.LastError = $"No handler for kind '{work.Kind}'.";
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Debug, Message = "Due work: {Claimed} claimed, {Handled} finished")]
    private static partial void LogSwept(ILogger logger, int claimed, int handled);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A batch of {Count} due rows failed as a whole; running it again row by row")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Due work {Id} ({Kind}) failed on attempt {Attempt}")]
    private static partial void LogFailed(ILogger logger, Exception exception, long id, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Due work {Id}: no handler is registered for kind {Kind}; given up")]
    private static partial void LogNoHandler(ILogger logger, long id, string kind);
}
