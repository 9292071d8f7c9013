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
        await using var desk = await JobDesk.StartAsync();
        var (time, provider, id) = (desk.Time, desk.Provider, desk.ConversationId);
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

/// <summary>The job's services on an in-memory SQLite desk with one waiting conversation; counts the job's refreshes from its log.</summary>
internal sealed class JobDesk : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly RefreshCounter _counter = new();

    private JobDesk(SqliteConnection connection)
    {
        _connection = connection;
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter<RefreshCounter>(typeof(PriorityRefreshJob).FullName, LogLevel.Debug).AddProvider(_counter))
            .AddSingleton<TimeProvider>(Time)
            .AddDbContext<RapportDbContext>(o => o.UseSqlite(connection))
            .AddSingleton<PriorityCalculator>()
            .AddScoped<PriorityRefresher>()
            .AddScoped<CustomerService>()
            .AddScoped<ConversationService>();
        services.AddOptions<PriorityRefreshOptions>().Configure(o => o.Interval = TimeSpan.FromMinutes(1));
        services.AddSingleton<PriorityRefreshJob>();
        Provider = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    public ServiceProvider Provider { get; }

    public long ConversationId { get; private set; }

    public int Refreshes => _counter.Count;

    public static async Task<JobDesk> StartAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var desk = new JobDesk(connection);
        await using var scope = desk.Provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RapportDbContext>().Database.EnsureCreatedAsync();
        var customer = await scope.ServiceProvider.GetRequiredService<CustomerService>().CreateAsync(new CustomerFields("Tick Tock", null, null, [], null), CancellationToken.None);
        var conversations = scope.ServiceProvider.GetRequiredService<ConversationService>();
        desk.ConversationId = (await conversations.StartAsync(new NewConversation(customer.Id, Channel.Chat, "Order"), CancellationToken.None)).Id;
        await conversations.AddCustomerMessageAsync(desk.ConversationId, new NewMessage("Where is my order?"), CancellationToken.None);
        return desk;
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>Counts the job's "Priority refresh: ..." debug lines.</summary>
    private sealed class RefreshCounter : ILoggerProvider, ILogger
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).StartsWith("Priority refresh:", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void Dispose()
        {
        }
    }
}
