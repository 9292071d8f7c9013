using Rapport.Desk.Data;

namespace Rapport.Desk.Scheduling;

/// <summary>
/// Runs the due work of one <see cref="Kind"/>. Registered by a feature (scoped). The handler makes its changes on
/// the given context and does not save: the sweeper saves them in the same transaction that marks the row done, so
/// a crash loses both or neither. It must still be safe to run twice (re-read state; do nothing when it no longer applies).
/// </summary>
public interface IDueWorkHandler
{
    string Kind { get; }

    Task HandleAsync(DueWork work, RapportDbContext db, CancellationToken cancellationToken);

    /// <summary>
    /// Called once per batch, before its rows of this kind run: load what they need in a few queries (tracked entities
    /// on <paramref name="db"/>, which <c>FindAsync</c> then answers without a round trip). Optional.
    /// </summary>
    Task PrepareAsync(IReadOnlyList<DueWork> batch, RapportDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;
}
