using Microsoft.Data.Sqlite;
using Npgsql;

namespace Rapport.Server.Tests;

/// <summary>
/// An empty database for a test that runs the server as its own process: a temp SQLite file, or a fresh PostgreSQL
/// database on the cluster of <see cref="ServerFixture.PostgresVariable"/>; removed on dispose.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly string _folder;
    private readonly string _postgresDatabase;

    private ScratchDatabase(TestDatabase database, string prefix)
    {
        _database = database;
        _folder = Path.Combine(Path.GetTempPath(), $"rapport-{prefix}-tests-" + Guid.NewGuid().ToString("N"));
        _postgresDatabase = $"rapport_{prefix}_" + Guid.NewGuid().ToString("N");
    }

    /// <summary>The connection string of the new database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Creates the database; <paramref name="prefix"/> names it ("kill" → rapport_kill_…).</summary>
    public static async Task<ScratchDatabase> CreateAsync(TestDatabase database, string prefix)
    {
        var scratch = new ScratchDatabase(database, prefix);
        if (database == TestDatabase.Sqlite)
        {
            Directory.CreateDirectory(scratch._folder);
            scratch.ConnectionString = $"Data Source={Path.Combine(scratch._folder, "rapport.db")}";
            return scratch;
        }

        var admin = Environment.GetEnvironmentVariable(ServerFixture.PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException($"{ServerFixture.PostgresVariable} is not set; run ./test.sh.");
        }

        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{scratch._postgresDatabase}\"", connection);
        await create.ExecuteNonQueryAsync();
        scratch.ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = scratch._postgresDatabase }.ConnectionString;
        return scratch;
    }

    public async ValueTask DisposeAsync()
    {
        if (_database == TestDatabase.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(ServerFixture.PostgresVariable));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
