using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Rapport.Desk.Conversations;
using Rapport.Desk.Customers;
using Rapport.Desk.Data;
using Rapport.Server.Jobs;

namespace Rapport.Server.Tests.Jobs;

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
