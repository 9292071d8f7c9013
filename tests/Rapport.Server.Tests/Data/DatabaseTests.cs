using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Data;
using Rapport.Server.Data;

namespace Rapport.Server.Tests.Data;

public sealed class DatabaseTests(EmptyDeskFixture server) : IClassFixture<EmptyDeskFixture>
{
    [Fact]
    public async Task Database_file_is_created_in_wal_mode()
    {
        Assert.True(File.Exists(server.DatabasePath));
        await using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        var options = new DbContextOptionsBuilder<RapportDbContext>()
            .UseSqlite($"Data Source={server.DatabasePath}", x => x.MigrationsAssembly(DatabaseSetup.SqliteMigrations))
            .Options;
        using var db = new RapportDbContext(options);

        // Fails when an entity or configuration changed without `dotnet ef migrations add` (see docs/architecture.md).
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(db.Database.GetPendingMigrations());
    }
}
