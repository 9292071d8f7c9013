using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Rapport.Desk.Data;
using Rapport.Server.Data;

namespace Rapport.Server.Tests.Data;

public sealed class PostgreSqlDatabaseTests(EmptyDeskPostgreSqlFixture server) : IClassFixture<EmptyDeskPostgreSqlFixture>
{
    [Fact]
    public void PostgreSql_migrations_match_the_model()
    {
        var options = new DbContextOptionsBuilder<RapportDbContext>()
            .UseNpgsql(server.ConnectionString, x => x.MigrationsAssembly(DatabaseSetup.PostgreSqlMigrations))
            .Options;
        using var db = new RapportDbContext(options);

        // Fails when an entity or configuration changed without `dotnet ef migrations add` for PostgreSQL too.
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(db.Database.GetPendingMigrations());
    }

    [Fact]
    public async Task Timestamps_are_native_timestamptz_not_unix_milliseconds()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'Conversations' AND column_name = 'CreatedAt'", connection);

        Assert.Equal("timestamp with time zone", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_desk_prepares_its_repeated_statements_on_PostgreSQL()
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            // Npgsql prepares a statement on a connection once it has run a few times there (Auto Prepare Min Usages, 5).
            for (var i = 0; i < 8; i++)
            {
                await db.Conversations.AsNoTracking().Where(c => c.Id == i).ToListAsync();
            }

            var prepared = await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();

            Assert.Contains(prepared, statement => statement.Contains("\"Conversations\"", StringComparison.Ordinal));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
