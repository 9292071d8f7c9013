using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rapport.Desk.Data;
using Rapport.Desk.Scheduling;

namespace Rapport.Server.Tests.Sla;

/// <summary>
/// An empty desk whose clock is a <see cref="FakeTimeProvider"/> (Friday 20 November 2026, 10:00 UTC, moved by the
/// tests), with the Quartz scheduler and the priority refresh off: the tests sweep due work themselves. A probe handler
/// (<c>test.probe</c>) is registered to check the sweeper's exactly-once rules.
/// </summary>
public abstract class FakeClockDeskFixture : ServerFixture
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

    public ProbeControl Probe { get; } = new();

    protected override bool SeedDemo => false;

    protected override IEnumerable<string> ExtraArguments =>
        ["--Rapport:Scheduler:Enabled", "false", "--Rapport:PriorityRefresh:Enabled", "false"];

    protected override void Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddSingleton(Probe);
        builder.Services.AddScoped<IDueWorkHandler, ProbeHandler>();
    }

    /// <summary>Runs the due work now, as the Quartz job would.</summary>
    public Task<int> SweepAsync(CancellationToken cancellationToken = default) =>
        Services.GetRequiredService<DueWorkSweeper>().SweepAsync(50, 100_000, cancellationToken);
}

public sealed class FakeClockDeskSqliteFixture : FakeClockDeskFixture
{
    public override TestDatabase Database => TestDatabase.Sqlite;
}

public sealed class FakeClockDeskPostgreSqlFixture : FakeClockDeskFixture
{
    public override TestDatabase Database => TestDatabase.PostgreSql;
}

/// <summary>What the probe handler does: fail once on some subjects, or "crash" (cancel the sweep) on one.</summary>
public sealed class ProbeControl
{
    public HashSet<long> FailOnce { get; } = [];

    public long? CrashOn { get; set; }

    public CancellationTokenSource? Crash { get; set; }
}

/// <summary>
/// <c>test.probe</c>: its effect is a <c>test.effect</c> row (due in a century, so never swept) naming the probe row,
/// written on the sweeper's context, so the effects of a rolled-back run disappear with it and can be counted.
/// </summary>
internal sealed class ProbeHandler(ProbeControl control, TimeProvider time) : IDueWorkHandler
{
    public const string WorkKind = "test.probe";
    public const string EffectKind = "test.effect";

    public string Kind => WorkKind;

    public Task HandleAsync(DueWork work, RapportDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        db.DueWork.Add(new DueWork { Kind = EffectKind, SubjectId = work.Id, DueAt = now.AddYears(100), CreatedAt = now });
        if (control.CrashOn == work.SubjectId && control.Crash is { } crash)
        {
            // The process dies here: nothing after this point runs, and nothing uncommitted survives.
            crash.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (work.Attempts == 0 && control.FailOnce.Contains(work.SubjectId))
        {
            throw new InvalidOperationException($"Probe {work.SubjectId} fails on its first attempt.");
        }

        return Task.CompletedTask;
    }
}
