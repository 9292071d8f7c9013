using Microsoft.Extensions.Options;

namespace Rapport.Server.Tests.Jobs;

/// <summary>The job's options are checked when the server starts (the refresh itself: Rapport.Desk.Tests, PriorityRefresherTests).</summary>
public sealed class PriorityRefreshJobTests
{
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
