using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Rapport.Desk.Conversations;
using Rapport.Desk.Customers;
using Rapport.Desk.Data;

namespace Rapport.Desk.Tests;

/// <summary>The desk on an in-memory SQLite database (schema from the model) with a fake clock, for service tests.</summary>
internal sealed class DeskDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private DeskDatabase(SqliteConnection connection, RapportDbContext db, FakeTimeProvider time)
    {
        _connection = connection;
        Db = db;
        Time = time;
        Priority = new PriorityCalculator(time);
        Customers = new CustomerService(db, time);
        Conversations = new ConversationService(db, time, Priority, NullLogger<ConversationService>.Instance);
        Refresher = new PriorityRefresher(db, Priority, time);
    }

    public RapportDbContext Db { get; }

    public FakeTimeProvider Time { get; }

    public PriorityCalculator Priority { get; }

    public CustomerService Customers { get; }

    public ConversationService Conversations { get; }

    public PriorityRefresher Refresher { get; }

    public static async Task<DeskDatabase> CreateAsync(DateTimeOffset now)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var db = new RapportDbContext(new DbContextOptionsBuilder<RapportDbContext>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync();
        return new DeskDatabase(connection, db, new FakeTimeProvider(now));
    }

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
