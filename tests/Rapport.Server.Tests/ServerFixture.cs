using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Rapport.Desk.ApiKeys;

namespace Rapport.Server.Tests;

public enum TestDatabase
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// The real server (the same composition root as Program) on Kestrel at 127.0.0.1, port 0, against a temp SQLite file
/// or a fresh PostgreSQL database (created on the server named by RAPPORT_TEST_POSTGRES, dropped afterwards).
/// </summary>
public abstract class ServerFixture : IAsyncLifetime
{
    public const string PostgresVariable = "RAPPORT_TEST_POSTGRES";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rapport-server-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string _postgresDatabase = "rapport_test_" + Guid.NewGuid().ToString("N");
    private string? _postgresAdmin;
    private WebApplication? _app;

    /// <summary>A client that sends <see cref="AdminKey"/>.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>An admin API key created through the desk service for the tests' own requests.</summary>
    public string AdminKey { get; private set; } = "";

    /// <summary>The running server's services (for a scoped DbContext or ApiKeyService).</summary>
    public IServiceProvider Services => App.Services;

    public Uri BaseAddress { get; private set; } = null!;

    public WebApplication App => _app ?? throw new InvalidOperationException("The server has not started.");

    public string DatabasePath => Path.Combine(_folder, "rapport.db");

    /// <summary>The connection string the server was given.</summary>
    public string ConnectionString { get; private set; } = "";

    public abstract TestDatabase Database { get; }

    protected abstract bool SeedDemo { get; }

    /// <summary>Requests per key per window; generous by default so no test trips the limiter by accident.</summary>
    protected virtual int RateLimitPermits => 100_000;

    /// <summary>Failed key attempts per address per window; generous by default (the key tests send bad keys on purpose).</summary>
    protected virtual int FailedKeyLimit => 100_000;

    /// <summary>The server's clock; null keeps <see cref="TimeProvider.System"/>.</summary>
    protected virtual TimeProvider? Clock => null;

    /// <summary>More server arguments (configuration), after the fixture's own.</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

    /// <summary>Registers services before the server's own (e.g. a fake clock, which the server then keeps).</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    /// <summary>Starts what the server's configuration points at (e.g. a stand-in model server) before the server itself.</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    /// <summary>Stops what <see cref="BeforeStartAsync"/> started, after the server has stopped.</summary>
    protected virtual Task AfterStopAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await BeforeStartAsync();
        if (Database == TestDatabase.PostgreSql)
        {
            _postgresAdmin = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(_postgresAdmin))
            {
                throw new InvalidOperationException(
                    $"{PostgresVariable} is not set, so the PostgreSQL variants of the server tests cannot run. Run ./test.sh " +
                    "(it starts a throwaway PostgreSQL), or set it to a connection string whose user may create databases.");
            }

            await using (var admin = new NpgsqlConnection(_postgresAdmin))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", admin);
                await create.ExecuteNonQueryAsync();
            }

            ConnectionString = new NpgsqlConnectionStringBuilder(_postgresAdmin) { Database = _postgresDatabase }.ConnectionString;
        }
        else
        {
            Directory.CreateDirectory(_folder);
            ConnectionString = $"Data Source={DatabasePath}";
        }

        _app = RapportServer.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--Rapport:Database:Provider", Database.ToString(),
            "--ConnectionStrings:Rapport", ConnectionString,
            "--Rapport:Database:SeedDemo", SeedDemo ? "true" : "false",
            "--Logging:LogLevel:Default", "Warning",
            "--Rapport:RateLimit:PermitLimit", RateLimitPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Rapport:RateLimit:FailedKeyLimit", FailedKeyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // Tests fold messages into the analytics rows themselves (AnalyticsRollup), so the job cannot race them.
            "--Rapport:Analytics:Enabled", "false",

            // On a fresh PostgreSQL database Npgsql probes the migrations history table by querying it, and EF logs the
            // expected failure as an error (npgsql/efcore.pg#3407); a real failure still fails the test.
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", Database == TestDatabase.PostgreSql ? "Critical" : "Warning",
            .. ExtraArguments,
        ], builder =>
        {
            if (Clock is { } clock)
            {
                builder.Services.AddSingleton(clock);
            }

            Configure(builder);
        });
        await _app.InitializeAsync(CancellationToken.None);
        await _app.StartAsync();
        var address = RapportServer.Addresses(_app).Single();
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        BaseAddress = new Uri(address);
        AdminKey = await CreateKeyAsync("Test admin", ApiKeyScope.Admin);
        Client = CreateClient(AdminKey);
    }

    /// <summary>A key created directly through the desk service (not over HTTP).</summary>
    public async Task<string> CreateKeyAsync(string name, ApiKeyScope scope)
    {
        await using var services = Services.CreateAsyncScope();
        var created = await services.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(name, scope, CancellationToken.None);
        return created.Token;
    }

    /// <summary>A client sending <paramref name="key"/> as a bearer token (none when null); the caller disposes it.</summary>
    public HttpClient CreateClient(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await AfterStopAsync();

        if (Database == TestDatabase.PostgreSql)
        {
            await DropPostgresDatabaseAsync();
            return;
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task DropPostgresDatabaseAsync()
    {
        if (string.IsNullOrWhiteSpace(_postgresAdmin) || ConnectionString.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_postgresAdmin);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> PostJsonAsync(string path, object body, int expectedStatus = 200)
    {
        using var response = await Client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

/// <summary>A server with an empty desk on SQLite: each test creates what it needs.</summary>
public sealed class EmptyDeskFixture : ServerFixture
{
    public override TestDatabase Database => TestDatabase.Sqlite;

    protected override bool SeedDemo => false;
}

/// <summary>A server with the demo workspace seeded, on SQLite.</summary>
public sealed class DemoDeskFixture : ServerFixture
{
    public override TestDatabase Database => TestDatabase.Sqlite;

    protected override bool SeedDemo => true;
}

/// <summary>A server with an empty desk on a fresh PostgreSQL database.</summary>
public sealed class EmptyDeskPostgreSqlFixture : ServerFixture
{
    public override TestDatabase Database => TestDatabase.PostgreSql;

    protected override bool SeedDemo => false;
}

/// <summary>A server with the demo workspace seeded, on a fresh PostgreSQL database.</summary>
public sealed class DemoDeskPostgreSqlFixture : ServerFixture
{
    public override TestDatabase Database => TestDatabase.PostgreSql;

    protected override bool SeedDemo => true;
}

/// <summary>An empty desk on SQLite whose keys may make only a few requests per window.</summary>
public sealed class RateLimitedDeskFixture : ServerFixture
{
    public override TestDatabase Database => TestDatabase.Sqlite;

    protected override bool SeedDemo => false;

    protected override int RateLimitPermits => 3;
}

/// <summary>An empty desk on PostgreSQL whose keys may make only a few requests per window.</summary>
public sealed class RateLimitedDeskPostgreSqlFixture : ServerFixture
{
    public override TestDatabase Database => TestDatabase.PostgreSql;

    protected override bool SeedDemo => false;

    protected override int RateLimitPermits => 3;
}

/// <summary>An empty desk on SQLite where an address may send only 3 bad keys per window.</summary>
public sealed class FailedKeyLimitedDeskFixture : ServerFixture
{
    public override TestDatabase Database => TestDatabase.Sqlite;

    protected override bool SeedDemo => false;

    protected override int FailedKeyLimit => 3;
}

/// <summary>An empty desk on PostgreSQL where an address may send only 3 bad keys per window.</summary>
public sealed class FailedKeyLimitedDeskPostgreSqlFixture : ServerFixture
{
    public override TestDatabase Database => TestDatabase.PostgreSql;

    protected override bool SeedDemo => false;

    protected override int FailedKeyLimit => 3;
}

/// <summary>An empty desk on SQLite whose clock is a <see cref="FakeTimeProvider"/> the tests move.</summary>
public sealed class FakeClockDeskFixture : ServerFixture
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public override TestDatabase Database => TestDatabase.Sqlite;

    protected override bool SeedDemo => false;

    protected override TimeProvider? Clock => Time;

    // The survey tests move the clock by weeks with the scheduler on: keep automatic follow-up surveys (docs/follow-ups.md) out of their counts.
    protected override IEnumerable<string> ExtraArguments => ["--Rapport:FollowUps:FollowUpAfterHours", "2160", "--Rapport:FollowUps:QuietAfterHours", "2160"];
}

/// <summary>An empty desk on PostgreSQL whose clock is a <see cref="FakeTimeProvider"/> the tests move.</summary>
public sealed class FakeClockDeskPostgreSqlFixture : ServerFixture
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public override TestDatabase Database => TestDatabase.PostgreSql;

    protected override bool SeedDemo => false;

    protected override TimeProvider? Clock => Time;

    // The survey tests move the clock by weeks with the scheduler on: keep automatic follow-up surveys (docs/follow-ups.md) out of their counts.
    protected override IEnumerable<string> ExtraArguments => ["--Rapport:FollowUps:FollowUpAfterHours", "2160", "--Rapport:FollowUps:QuietAfterHours", "2160"];
}
