using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;

namespace Rapport.Server.Tests;

/// <summary>
/// The real server (the same composition root as Program) on Kestrel at 127.0.0.1, port 0, against a temp SQLite file.
/// </summary>
public abstract class ServerFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rapport-server-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public string DatabasePath => Path.Combine(_folder, "rapport.db");

    protected abstract bool SeedDemo { get; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _app = RapportServer.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--ConnectionStrings:Rapport", $"Data Source={DatabasePath}",
            "--Rapport:Database:SeedDemo", SeedDemo ? "true" : "false",
            "--Logging:LogLevel:Default", "Warning",
        ]);
        await _app.InitializeAsync(CancellationToken.None);
        await _app.StartAsync();
        var address = RapportServer.Addresses(_app).Single();
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
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

/// <summary>A server with an empty desk: each test creates what it needs.</summary>
public sealed class EmptyDeskFixture : ServerFixture
{
    protected override bool SeedDemo => false;
}

/// <summary>A server with the demo workspace seeded.</summary>
public sealed class DemoDeskFixture : ServerFixture
{
    protected override bool SeedDemo => true;
}
