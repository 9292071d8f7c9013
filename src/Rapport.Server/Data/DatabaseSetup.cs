using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Data;
using Rapport.Desk.Demo;
using Rapport.Desk.Sla;

namespace Rapport.Server.Data;

/// <summary>Chooses the database provider, applies migrations at start and seeds the demo workspace.</summary>
internal static class DatabaseSetup
{
    public const string DefaultConnectionString = "Data Source=./data/rapport.db";
    public const string SqliteMigrations = "Rapport.Desk.Migrations.Sqlite";
    public const string PostgreSqlMigrations = "Rapport.Desk.Migrations.PostgreSql";

    public static void AddRapportDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString("Rapport") ?? DefaultConnectionString;
        builder.Services.AddSingleton<SlaClockInterceptor>();
        builder.Services.AddSingleton<Rapport.Desk.FollowUps.FollowUpInterceptor>();
        builder.Services.AddSingleton<Live.ConversationFeed>();
        builder.Services.AddSingleton<Live.NotificationFeed>();
        builder.Services.AddSingleton<Live.DeskChangeInterceptor>();
        switch (options.Provider)
        {
            case "Sqlite":
                builder.Services.AddDbContext<RapportDbContext>((services, o) => o.UseSqlite(connectionString, x => x.MigrationsAssembly(SqliteMigrations))
                    .AddInterceptors(services.GetRequiredService<SlaClockInterceptor>(), services.GetRequiredService<Rapport.Desk.FollowUps.FollowUpInterceptor>(),
                        services.GetRequiredService<Live.DeskChangeInterceptor>()));
                break;
            case "PostgreSql":
                // The SQLite default (appsettings.json) means nobody gave a PostgreSQL connection string.
                if (connectionString == DefaultConnectionString)
                {
                    throw new InvalidOperationException(
                        "Rapport:Database:Provider is PostgreSql but ConnectionStrings:Rapport (env ConnectionStrings__Rapport) is the SQLite default; " +
                        "set it to a PostgreSQL connection string such as Host=localhost;Database=rapport;Username=rapport;Password=...");
                }

                connectionString = WithAutoPrepare(connectionString);
                builder.Services.AddDbContext<RapportDbContext>((services, o) => o.UseNpgsql(connectionString, x => x.MigrationsAssembly(PostgreSqlMigrations))
                    .AddInterceptors(services.GetRequiredService<SlaClockInterceptor>(), services.GetRequiredService<Rapport.Desk.FollowUps.FollowUpInterceptor>(),
                        services.GetRequiredService<Live.DeskChangeInterceptor>()));
                break;
            default:
                // Unreachable after validation; kept so an unknown value fails loudly rather than silently using SQLite.
                throw new InvalidOperationException($"Database provider '{options.Provider}' is unknown; use Sqlite or PostgreSql.");
        }
    }

    /// <summary>Statements Npgsql prepares on each connection once they have run a few times, unless the connection string says otherwise.</summary>
    public const int DefaultMaxAutoPrepare = 200;

    /// <summary>
    /// Turns on Npgsql's automatic preparation when the connection string does not set <c>Max Auto Prepare</c>: the
    /// desk's queries are few and repeated, and planning them on every call cost more than running them (a conversation's
    /// detail, p95 14-16 ms → 8-9 ms at 1M messages; docs/decisions/0020-postgresql-auto-prepare.md). A deployment behind
    /// a pooler that cannot keep prepared statements sets <c>Max Auto Prepare=0</c>.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        // NpgsqlConnectionStringBuilder.ContainsKey answers for every keyword it knows, so read the keys as written.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>();
        if (!written.Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        return builder.ConnectionString;
    }

    /// <summary>Creates the database file's folder, migrates, turns on WAL (SQLite) and seeds the demo when empty.</summary>
    /// <returns>The demo agents' sign-ins when the demo was seeded now (the only moment the password is known).</returns>
    public static async Task<DemoCredentials?> InitializeDatabaseAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        if (db.Database.ProviderName == RapportDbContext.SqliteProvider)
        {
            EnsureSqliteFolder(db.Database.GetConnectionString());
        }

        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.ProviderName == RapportDbContext.SqliteProvider)
        {
            // WAL lets readers run beside the writer; the setting is stored in the file, so once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        // Every desk starts with the default SLA policies (docs/sla.md); edited ones are kept.
        await SlaDefaults.EnsurePoliciesAsync(db, cancellationToken).ConfigureAwait(false);

        var options = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.SeedDemo)
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            var seeded = await seeder.SeedIfEmptyAsync(cancellationToken).ConfigureAwait(false);
            if (seeded.Conversations > 0)
            {
                // The history is weeks old: fold it all into the analytics rows now, so the first page view has it.
                await scope.ServiceProvider.GetRequiredService<Rapport.Desk.Analytics.AnalyticsRollup>().RebuildAsync(cancellationToken).ConfigureAwait(false);
            }

            return seeded.Credentials;
        }

        return null;
    }

    private static void EnsureSqliteFolder(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
