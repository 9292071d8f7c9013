using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rapport.Desk.Data;
using Rapport.Server.Jobs;

namespace Rapport.Server.Tests.Jobs;

/// <summary>The job on a fake clock, and its options checked at start (the refresh rules: Rapport.Desk.Tests, PriorityRefresherTests).</summary>
public sealed class PriorityRefreshJobTests
{
    [Fact]
    public async Task Job_ticks_on_the_injected_clock_and_refreshes_waiting_conversations()
    {
        await using var desk = await JobDesk.StartAsync();
        var job = desk.Provider.GetRequiredService<PriorityRefreshJob>();
        await job.StartAsync(CancellationToken.None);
        try
        {
            // ExecuteAsync runs on its own thread, so the timer may not exist yet: after the jump, minute steps make it tick.
            desk.Time.Advance(TimeSpan.FromHours(3));
            var reason = "";
            for (var attempt = 0; attempt < 50 && !reason.Contains("waiting 3 h", StringComparison.Ordinal); attempt++)
            {
                await Task.Delay(100);
                desk.Time.Advance(TimeSpan.FromMinutes(1));
                await using var scope = desk.Provider.CreateAsyncScope();
                reason = (await scope.ServiceProvider.GetRequiredService<RapportDbContext>().Conversations.AsNoTracking().SingleAsync(c => c.Id == desk.ConversationId)).PriorityReason;
            }

            Assert.Contains("waiting 3 h", reason, StringComparison.Ordinal);
        }
        finally
        {
            await job.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_clock_that_jumps_a_month_folds_the_missed_ticks_into_one_refresh()
    {
        await using var desk = await JobDesk.StartAsync();
        var job = desk.Provider.GetRequiredService<PriorityRefreshJob>();
        await job.StartAsync(CancellationToken.None);
        try
        {
            // Wait until the timer exists and has ticked once.
            for (var attempt = 0; attempt < 50 && desk.Refreshes == 0; attempt++)
            {
                await Task.Delay(100);
                desk.Time.Advance(TimeSpan.FromMinutes(1));
            }

            Assert.True(desk.Refreshes > 0, "the job never refreshed");
            await Task.Delay(300);
            var before = desk.Refreshes;

            // 43,200 one-minute ticks are due at once; they used to run inline here, one refresh each.
            desk.Time.Advance(TimeSpan.FromDays(30));
            for (var attempt = 0; attempt < 100 && desk.Refreshes == before; attempt++)
            {
                await Task.Delay(100);
            }

            // The ticks that arrived during that refresh may give one more; then the job waits for the next minute.
            await Task.Delay(500);
            var after = desk.Refreshes - before;
            Assert.InRange(after, 1, 3);
        }
        finally
        {
            await job.StopAsync(CancellationToken.None);
        }
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("2.00:00:00")]
    public async Task Interval_out_of_range_stops_the_start(string interval)
    {
        var folder = Path.Combine(Path.GetTempPath(), "rapport-job-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var app = RapportServer.Build(
            [
                "--urls", "http://127.0.0.1:0",
                "--ConnectionStrings:Rapport", $"Data Source={Path.Combine(folder, "rapport.db")}",
                "--Rapport:Database:SeedDemo", "false",
                "--Rapport:PriorityRefresh:Interval", interval,
                "--Logging:LogLevel:Default", "None",
            ]);

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
            Assert.Contains("Interval", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
