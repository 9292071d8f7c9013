using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Conversations;
using Rapport.Desk.Customers;
using Rapport.Desk.Data;
using Rapport.Desk.Scheduling;
using Rapport.Desk.Sla;
using Rapport.Server.Tests.Importing;
using Xunit.Abstractions;

namespace Rapport.Server.Tests.Sla;

/// <summary>
/// The scheduler across a SIGKILL: the server process (its Quartz job firing every 500 ms) works through N due
/// <c>sla.check</c> rows, is killed when about half are done, and a new process on the same database finishes them.
/// Every row ends done exactly once (one warning and one breach alert per conversation, none twice), and the persisted
/// Quartz trigger is still in the store. N is 1,000 by default; <c>RAPPORT_SWEEP_ROWS=10000</c> is the figure
/// (bench/scheduler/run.sh prints the elapsed time). Batches are 50 rows by default, so a fast machine cannot finish
/// the second half between two polls; <c>RAPPORT_SWEEP_BATCH</c> sets them (the benchmark uses the shipped 200).
/// </summary>
public abstract class KillDuringSweepTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ScratchDatabase? _scratch;

    protected abstract TestDatabase Database { get; }

    private static int Rows => int.TryParse(Environment.GetEnvironmentVariable("RAPPORT_SWEEP_ROWS"), CultureInfo.InvariantCulture, out var rows) && rows > 0 ? rows : 1000;

    private static int Batch => int.TryParse(Environment.GetEnvironmentVariable("RAPPORT_SWEEP_BATCH"), CultureInfo.InvariantCulture, out var batch) && batch > 0 ? batch : 50;

    private string ConnectionString => _scratch!.ConnectionString;

    public async Task InitializeAsync() => _scratch = await ScratchDatabase.CreateAsync(Database, "sweep");

    public async Task DisposeAsync()
    {
        if (_scratch is not null)
        {
            await _scratch.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_due_row_is_handled_exactly_once_across_a_SIGKILL_of_the_server()
    {
        // Small batches and a 10 ms poll before the kill: with batches of 200 and 100 ms polls a fast machine can
        // finish the last three batches between two polls, and the kill finds nothing left to do.
        string[] arguments =
        [
            "--Rapport:Scheduler:SweepInterval", "00:00:00.500",
            "--Rapport:Scheduler:BatchSize", Batch.ToString(CultureInfo.InvariantCulture),
            "--Rapport:PriorityRefresh:Enabled", "false",
        ];
        var rows = Rows;
        var clock = new Stopwatch();
        int doneAtKill;
        await using (var first = await ServerProcess.StartAsync(Database, ConnectionString, arguments))
        {
            await SeedAsync(rows);

            // Everything falls due at once; the clock starts then.
            await using (var db = Context())
            {
                var now = DateTimeOffset.UtcNow;
                await db.DueWork.Where(w => w.Kind == SlaCheckHandler.WorkKind).ExecuteUpdateAsync(s => s.SetProperty(w => w.DueAt, now));
            }

            clock.Start();
            doneAtKill = await WaitForDoneAsync(rows / 2, TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(10));
            await first.KillAsync();
        }

        var killedAt = clock.Elapsed;

        Assert.True(doneAtKill < rows, $"the kill came after all {rows} rows were done; nothing was left for the restart");
        await using (var db = Context())
        {
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM qrtz_job_details WHERE job_name = 'due-work-sweep'").SingleAsync());
        }

        TimeSpan restartedAt;
        await using (var second = await ServerProcess.StartAsync(Database, ConnectionString, arguments))
        {
            restartedAt = clock.Elapsed;
            await WaitForDoneAsync(rows, TimeSpan.FromSeconds(180), TimeSpan.FromMilliseconds(100));
            clock.Stop();
        }

        await using (var db = Context())
        {
            var work = await db.DueWork.AsNoTracking().Where(w => w.Kind == SlaCheckHandler.WorkKind).ToListAsync();
            Assert.Equal(rows, work.Count);
            Assert.All(work, w => Assert.True(w.DoneAt is not null && !w.Failed, $"row {w.Id}: done {w.DoneAt}, failed {w.Failed}, {w.LastError}"));
            var alerts = await db.SlaAlerts.AsNoTracking().GroupBy(a => new { a.ConversationId, a.Kind }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            Assert.Equal(rows * 2, alerts.Count);
            Assert.All(alerts, a => Assert.Equal(1, a.Count));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sweep: {rows} due rows ({Database}, batches of {Batch}) handled exactly once in {clock.Elapsed.TotalSeconds:F1} s, across a SIGKILL at {doneAtKill} done " +
            $"({killedAt.TotalSeconds:F1} s) and a restart (serving again at {restartedAt.TotalSeconds:F1} s)"));
    }

    private async Task SeedAsync(int rows)
    {
        await using var db = Context();
        var customer = new Customer { Name = "Sweep Customer" };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        var started = DateTimeOffset.UtcNow.AddHours(-1);
        var far = DateTimeOffset.UtcNow.AddYears(1);
        for (var offset = 0; offset < rows; offset += 1000)
        {
            var conversations = Enumerable.Range(offset, Math.Min(1000, rows - offset)).Select(i => new Conversation
            {
                CustomerId = customer.Id,
                Channel = Channel.Chat,
                Subject = "Sweep " + i.ToString(CultureInfo.InvariantCulture),
                Status = ConversationStatus.Open,
                CreatedAt = started,
                WaitingSince = started,
            }).ToList();
            db.Conversations.AddRange(conversations);
            await db.SaveChangesAsync();
            foreach (var conversation in conversations)
            {
                db.SlaClocks.Add(new SlaClock
                {
                    ConversationId = conversation.Id,
                    StartedAt = started,
                    BaseTargetSeconds = 600,
                    TargetSeconds = 600,
                    DueAt = started.AddMinutes(10),
                });
                db.DueWork.Add(new DueWork { Kind = SlaCheckHandler.WorkKind, SubjectId = conversation.Id, DueAt = far, CreatedAt = started });
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    private async Task<int> WaitForDoneAsync(int target, TimeSpan timeout, TimeSpan poll)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using var db = Context();
            var done = await db.DueWork.CountAsync(w => w.Kind == SlaCheckHandler.WorkKind && w.DoneAt != null);
            if (done >= target)
            {
                return done;
            }

            Assert.True(deadline.Elapsed < timeout, $"only {done} of {target} rows done after {timeout.TotalSeconds} s");
            await Task.Delay(poll);
        }
    }

    private RapportDbContext Context() => new(Database == TestDatabase.Sqlite
        ? new DbContextOptionsBuilder<RapportDbContext>().UseSqlite(ConnectionString).Options
        : new DbContextOptionsBuilder<RapportDbContext>().UseNpgsql(ConnectionString).Options);
}

public sealed class KillDuringSweepTestsOnSqlite(ITestOutputHelper output) : KillDuringSweepTests(output)
{
    protected override TestDatabase Database => TestDatabase.Sqlite;
}

public sealed class KillDuringSweepTestsOnPostgreSql(ITestOutputHelper output) : KillDuringSweepTests(output)
{
    protected override TestDatabase Database => TestDatabase.PostgreSql;
}
