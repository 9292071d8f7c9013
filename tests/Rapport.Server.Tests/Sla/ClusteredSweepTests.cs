using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Conversations;
using Rapport.Desk.Customers;
using Rapport.Desk.Data;
using Rapport.Desk.Scheduling;
using Rapport.Desk.Sla;
using Rapport.Server.Tests.Importing;

namespace Rapport.Server.Tests.Sla;

/// <summary>
/// Two server processes on one PostgreSQL database, their Quartz schedulers clustered (docs/decisions/0013-scheduling.md):
/// both check in as cluster nodes, the jobs are stored once, and 600 due <c>sla.check</c> rows falling due at once are
/// each handled exactly once (one warning and one breach alert per conversation, none twice) whichever node sweeps.
/// </summary>
public sealed class ClusteredSweepTests : IAsyncLifetime
{
    private const int Rows = 600;
    private ScratchDatabase? _scratch;

    private string ConnectionString => _scratch!.ConnectionString;

    public async Task InitializeAsync() => _scratch = await ScratchDatabase.CreateAsync(TestDatabase.PostgreSql, "cluster");

    public async Task DisposeAsync()
    {
        if (_scratch is not null)
        {
            await _scratch.DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_clustered_servers_on_one_database_handle_each_due_row_exactly_once()
    {
        string[] arguments = ["--Rapport:Scheduler:SweepInterval", "00:00:00.300", "--Rapport:Scheduler:BatchSize", "50", "--Rapport:PriorityRefresh:Enabled", "false"];

        // One after the other: the first migrates the database, the second finds it ready.
        await using var first = await ServerProcess.StartAsync(TestDatabase.PostgreSql, ConnectionString, arguments);
        await using var second = await ServerProcess.StartAsync(TestDatabase.PostgreSql, ConnectionString, arguments);
        await SeedAsync();
        await using (var db = Context())
        {
            var now = DateTimeOffset.UtcNow;
            await db.DueWork.Where(w => w.Kind == SlaCheckHandler.WorkKind).ExecuteUpdateAsync(s => s.SetProperty(w => w.DueAt, now));
        }

        await WaitForDoneAsync(TimeSpan.FromSeconds(180));

        await using (var db = Context())
        {
            var nodes = await db.Database.SqlQueryRaw<string>("SELECT instance_name AS \"Value\" FROM qrtz_scheduler_state").ToListAsync();
            Assert.Equal(2, nodes.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM qrtz_job_details WHERE job_name = 'due-work-sweep'").SingleAsync());
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM qrtz_job_details WHERE job_name = 'analytics-rollup'").SingleAsync());

            var work = await db.DueWork.AsNoTracking().Where(w => w.Kind == SlaCheckHandler.WorkKind).ToListAsync();
            Assert.Equal(Rows, work.Count);
            Assert.All(work, w => Assert.True(w.DoneAt is not null && !w.Failed, $"row {w.Id}: done {w.DoneAt}, failed {w.Failed}, {w.LastError}"));
            var alerts = await db.SlaAlerts.AsNoTracking().GroupBy(a => new { a.ConversationId, a.Kind }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            Assert.Equal(Rows * 2, alerts.Count);
            Assert.All(alerts, a => Assert.Equal(1, a.Count));
        }
    }

    private async Task SeedAsync()
    {
        await using var db = Context();
        var customer = new Customer { Name = "Cluster Customer" };
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        var started = DateTimeOffset.UtcNow.AddHours(-1);
        var far = DateTimeOffset.UtcNow.AddYears(1);
        var conversations = Enumerable.Range(0, Rows).Select(i => new Conversation
        {
            CustomerId = customer.Id,
            Channel = Channel.Chat,
            Subject = "Cluster " + i.ToString(CultureInfo.InvariantCulture),
            Status = ConversationStatus.Open,
            CreatedAt = started,
            WaitingSince = started,
        }).ToList();
        db.Conversations.AddRange(conversations);
        await db.SaveChangesAsync();
        foreach (var conversation in conversations)
        {
            db.SlaClocks.Add(new SlaClock { ConversationId = conversation.Id, StartedAt = started, BaseTargetSeconds = 600, TargetSeconds = 600, DueAt = started.AddMinutes(10) });
            db.DueWork.Add(new DueWork { Kind = SlaCheckHandler.WorkKind, SubjectId = conversation.Id, DueAt = far, CreatedAt = started });
        }

        await db.SaveChangesAsync();
    }

    private async Task WaitForDoneAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using var db = Context();
            var done = await db.DueWork.CountAsync(w => w.Kind == SlaCheckHandler.WorkKind && w.DoneAt != null);
            if (done >= Rows)
            {
                return;
            }

            Assert.True(deadline.Elapsed < timeout, $"only {done} of {Rows} rows done after {timeout.TotalSeconds} s");
            await Task.Delay(100);
        }
    }

    private RapportDbContext Context() => new(new DbContextOptionsBuilder<RapportDbContext>().UseNpgsql(ConnectionString).Options);
}
