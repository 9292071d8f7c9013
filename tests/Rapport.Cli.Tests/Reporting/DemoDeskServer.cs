using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Desk.Analytics;
using Rapport.Desk.ApiKeys;
using Rapport.Server;

namespace Rapport.Cli.Tests.Reporting;

/// <summary>
/// The real desk server (RapportServer.Build, as Program runs it) on Kestrel at 127.0.0.1, port 0, with the demo
/// workspace seeded into a temp SQLite file and folded into the analytics rollup; an admin key for the CLI.
/// </summary>
public sealed class DemoDeskServer : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-cli-report-server-").FullName;
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public string AdminKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _app = RapportServer.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--Rapport:Database:Provider", "Sqlite",
            "--ConnectionStrings:Rapport", $"Data Source={Path.Combine(_folder, "rapport.db")}",
            "--Rapport:Database:SeedDemo", "true",
            "--Logging:LogLevel:Default", "Warning",
            "--Rapport:RateLimit:PermitLimit", "100000",
            "--Rapport:RateLimit:FailedKeyLimit", "100000",

            // The test folds the demo's messages into the rollup itself (below), so the job cannot race it.
            "--Rapport:Analytics:Enabled", "false",
        ]);
        await _app.InitializeAsync(CancellationToken.None);
        await _app.StartAsync();
        BaseAddress = new Uri(RapportServer.Addresses(_app).Single());
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AnalyticsRollup>().RebuildAsync(CancellationToken.None);
        AdminKey = (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("Report tests", ApiKeyScope.Admin, CancellationToken.None)).Token;
    }

    /// <summary>The overview exactly as the API sends it, for comparing with the report.</summary>
    public async Task<JsonElement> OverviewAsync(string query)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using var response = await client.GetAsync(new Uri("/api/v1/analytics/overview?" + query, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
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
}
