using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Desk.Data;
using Rapport.Desk.Scheduling;

namespace Rapport.Server.Tests.Sla;

/// <summary>The sweeper's exactly-once rules on the real database, with the clock moved by hand.</summary>
public abstract class DueWorkSweeperTests(FakeClockDeskFixture server)
{
    private async Task<List<long>> AddProbesAsync(long firstSubject, int count, TimeSpan dueIn)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var now = server.Time.GetUtcNow();
        var rows = Enumerable.Range(0, count)
            .Select(i => new DueWork { Kind = ProbeHandler.WorkKind, SubjectId = firstSubject + i, DueAt = now + dueIn, CreatedAt = now })
            .ToList();
        db.DueWork.AddRange(rows);
        await db.SaveChangesAsync();
        return [.. rows.Select(r => r.Id)];
    }

    private async Task<(List<DueWork> Rows, Dictionary<long, int> Effects)> ReadAsync(List<long> ids)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var rows = await db.DueWork.AsNoTracking().Where(w => ids.Contains(w.Id)).ToListAsync();
        var effects = await db.DueWork.AsNoTracking().Where(w => w.Kind == ProbeHandler.EffectKind && ids.Contains(w.SubjectId))
            .GroupBy(w => w.SubjectId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return (rows, effects);
    }

    [Fact]
    public async Task Due_rows_run_once_not_before_their_time_and_a_failing_row_is_retried_alone()
    {
        var first = Random.Shared.NextInt64(1_000_000, 2_000_000);
        var ids = await AddProbesAsync(first, 120, TimeSpan.FromMinutes(5));
        server.Probe.FailOnce.Add(first + 7);

        await server.SweepAsync();
        var (rows, effects) = await ReadAsync(ids);
        Assert.All(rows, r => Assert.Null(r.DoneAt));
        Assert.Empty(effects);

        server.Time.Advance(TimeSpan.FromMinutes(5));
        await server.SweepAsync();
        await server.SweepAsync();
        (rows, effects) = await ReadAsync(ids);
        var failing = rows.Single(r => r.SubjectId == first + 7);
        Assert.Null(failing.DoneAt);
        Assert.Equal(1, failing.Attempts);
        Assert.Contains("fails on its first attempt", failing.LastError, StringComparison.Ordinal);
        Assert.True(failing.DueAt > server.Time.GetUtcNow(), "a failed row waits for its backoff");
        Assert.Equal(119, rows.Count(r => r.DoneAt is not null && !r.Failed));
        Assert.Equal(119, effects.Count);
        Assert.All(effects.Values, count => Assert.Equal(1, count));
        Assert.False(effects.ContainsKey(failing.Id), "the failed attempt's effect was rolled back");

        server.Time.Advance(TimeSpan.FromMinutes(1));
        await server.SweepAsync();
        (rows, effects) = await ReadAsync(ids);
        Assert.All(rows, r => Assert.NotNull(r.DoneAt));
        Assert.Equal(120, effects.Count);
        Assert.All(effects.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task A_crash_mid_batch_leaves_no_effect_and_the_next_sweep_runs_each_row_exactly_once()
    {
        var first = Random.Shared.NextInt64(3_000_000, 4_000_000);
        var ids = await AddProbesAsync(first, 80, TimeSpan.Zero);
        using var crash = new CancellationTokenSource();
        server.Probe.CrashOn = first + 20;
        server.Probe.Crash = crash;

        // Batches of 50: the first batch dies at its 21st row, before its commit.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => server.SweepAsync(crash.Token));
        var (rows, effects) = await ReadAsync(ids);
        Assert.All(rows, r => Assert.Null(r.DoneAt));
        Assert.Empty(effects);

        server.Probe.CrashOn = null;
        await server.SweepAsync();
        (rows, effects) = await ReadAsync(ids);
        Assert.All(rows, r => Assert.NotNull(r.DoneAt));
        Assert.Equal(ids.Order(), effects.Keys.Order());
        Assert.All(effects.Values, count => Assert.Equal(1, count));

        // A sweep after everything is done finds nothing more to do.
        await server.SweepAsync();
        Assert.All((await ReadAsync(ids)).Effects.Values, count => Assert.Equal(1, count));
    }
}

public sealed class DueWorkSweeperTestsOnSqlite(FakeClockDeskSqliteFixture server) : DueWorkSweeperTests(server), IClassFixture<FakeClockDeskSqliteFixture>;

public sealed class DueWorkSweeperTestsOnPostgreSql(FakeClockDeskPostgreSqlFixture server) : DueWorkSweeperTests(server), IClassFixture<FakeClockDeskPostgreSqlFixture>;
