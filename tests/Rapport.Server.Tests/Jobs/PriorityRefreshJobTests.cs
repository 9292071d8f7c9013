using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Rapport.Desk.Conversations;
using Rapport.Desk.Customers;
using Rapport.Desk.Data;
using Rapport.Server.Jobs;

namespace Rapport.Server.Tests.Jobs;

/// <summary>The job on a fake clock, and its options checked at start (the refresh rules: Rapport.Desk.Tests, PriorityRefresherTests).</summary>
public sealed class PriorityRefreshJobTests
{
    [Fact]
    public async Task Job_ticks_on_the_injected_clock_and_refreshes_waiting_conversations()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(time)
            .AddDbContext<RapportDbContext>(o => o.UseSqlite(connection))
            .AddSingleton<PriorityCalculator>()
            .AddScoped<PriorityRefresher>()
            .AddScoped<CustomerService>()
            .AddScoped<ConversationService>();
        services.AddOptions<PriorityRefreshOptions>().Configure(o => o.Interval = TimeSpan.FromMinutes(1));
        services.AddSingleton<PriorityRefreshJob>();
        await using var provider = services.BuildServiceProvider();

        long id;
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RapportDbContext>().Database.EnsureCreatedAsync();
            var customer = await scope.ServiceProvider.GetRequiredService<CustomerService>().CreateAsync(new CustomerFields("Tick Tock", null, null, [], null), CancellationToken.None);
            var conversations = scope.ServiceProvider.GetRequiredService<ConversationService>();
            id = (await conversations.StartAsync(new NewConversation(customer.Id, Channel.Chat, "Order"), CancellationToken.None)).Id;
            await conversations.AddCustomerMessageAsync(id, new NewMessage("Where is my order?"), CancellationToken.None);
        }

        var job = provider.GetRequiredService<PriorityRefreshJob>();
        await job.StartAsync(CancellationToken.None);
        try
        {
            // ExecuteAsync runs on its own thread, so the timer may not exist yet: after the jump, minute steps make it tick.
            time.Advance(TimeSpan.FromHours(3));
            var reason = "";
            for (var attempt = 0; attempt < 50 && !reason.Contains("waiting 3 h", StringComparison.Ordinal); attempt++)
            {
                await Task.Delay(100);
                time.Advance(TimeSpan.FromMinutes(1));
                await using var scope = provider.CreateAsyncScope();
                reason = (await scope.ServiceProvider.GetRequiredService<RapportDbContext>().Conversations.AsNoTracking().SingleAsync(c => c.Id == id)).PriorityReason;
            }

            Assert.Contains("waiting 3 h", reason, StringComparison.Ordinal);
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
