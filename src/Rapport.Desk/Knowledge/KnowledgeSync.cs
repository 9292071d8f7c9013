using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Desk.Data;

namespace Rapport.Desk.Knowledge;

/// <summary>
/// Keeps <see cref="KnowledgeIndex"/> equal to the <c>KnowledgeArticles</c> table. A search first compares a cheap
/// change stamp (row count, highest id, newest <c>UpdatedAt</c>; three index-backed reads) at most every
/// <see cref="KnowledgeOptions.StampCheckSeconds"/>; when it moved (another server instance changed an article, or this
/// is the first search), the ids and versions are diffed and only changed articles are reloaded. This instance's own
/// writes sync at once. A singleton: the stamp and the index are shared by all requests.
/// </summary>
public sealed class KnowledgeSync(KnowledgeIndex index, TimeProvider time, IOptions<KnowledgeOptions> options) : IDisposable
{
    private const int LoadChunk = 500;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Stamp? _stamp;
    private long _checkedAt;

    /// <summary>The index this keeps in sync.</summary>
    public KnowledgeIndex Index => index;

    /// <summary>Brings the index up to date when the stamp changed (checked at most every few seconds unless
    /// <paramref name="force"/>, which also diffs whatever the stamp says).</summary>
    public async Task SyncAsync(RapportDbContext db, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!force && !CheckIsDue())
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!force && !CheckIsDue())
            {
                return;
            }

            // Read before the diff: a change made while diffing moves the stamp again and is picked up next time.
            var stamp = await ReadStampAsync(db, cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _checkedAt, time.GetTimestamp());
            if (!force && stamp == _stamp)
            {
                return;
            }

            await DiffAsync(db, cancellationToken).ConfigureAwait(false);
            _stamp = stamp;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool CheckIsDue()
    {
        var checkedAt = Interlocked.Read(ref _checkedAt);
        return _stamp is null || checkedAt == 0
            || time.GetElapsedTime(checkedAt).TotalSeconds >= options.Value.StampCheckSeconds;
    }

    private static async Task<Stamp> ReadStampAsync(RapportDbContext db, CancellationToken cancellationToken)
    {
        var articles = db.KnowledgeArticles.AsNoTracking();
        var count = await articles.CountAsync(cancellationToken).ConfigureAwait(false);
        var maxId = await articles.OrderByDescending(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var newest = await articles.OrderByDescending(a => a.UpdatedAt).Select(a => a.UpdatedAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return new Stamp(count, maxId, newest);
    }

    private async Task DiffAsync(RapportDbContext db, CancellationToken cancellationToken)
    {
        var current = await db.KnowledgeArticles.AsNoTracking().Select(a => new { a.Id, a.UpdatedAt }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var indexed = index.Versions.ToDictionary();
        var changed = current.Where(a => !indexed.TryGetValue(a.Id, out var version) || version != a.UpdatedAt).Select(a => a.Id).ToList();
        var present = current.Select(a => a.Id).ToHashSet();
        var removed = indexed.Keys.Where(id => !present.Contains(id)).ToList();
        foreach (var chunk in changed.Chunk(LoadChunk))
        {
            var articles = await db.KnowledgeArticles.AsNoTracking().Where(a => chunk.Contains(a.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var article in articles)
            {
                index.Upsert(article);
            }
        }

        foreach (var id in removed)
        {
            index.Remove(id);
        }

        if (changed.Count > 0 || removed.Count > 0)
        {
            index.Refresh();
        }
    }

    public void Dispose() => _gate.Dispose();

    private sealed record Stamp(int Count, long MaxId, DateTimeOffset Newest);
}
