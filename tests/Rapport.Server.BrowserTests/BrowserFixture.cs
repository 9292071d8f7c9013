using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Rapport.Desk.Demo;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Rapport.Server.BrowserTests;

/// <summary>
/// The real server on Kestrel at 127.0.0.1 port 0 with the demo workspace on a temp SQLite file, and Debian's
/// Chromium driven by Playwright (<c>RAPPORT_CHROMIUM</c>, default /usr/bin/chromium; never a downloaded browser).
/// Each test opens its own browser context.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "RAPPORT_CHROMIUM";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rapport-browser-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public DemoCredentials Demo { get; private set; } = null!;

    /// <summary>A client with the admin API key printed at first start.</summary>
    public HttpClient Api { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <summary>Where screenshots go: artifacts/screenshots at the repository root (git-ignored).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _app = RapportServer.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--Rapport:Database:Provider", "Sqlite",
            "--ConnectionStrings:Rapport", $"Data Source={Path.Combine(_folder, "rapport.db")}",
            "--Rapport:Database:SeedDemo", "true",
            "--Logging:LogLevel:Default", "Warning",
        ]);
        var firstStart = await _app.InitializeAsync(CancellationToken.None);
        Demo = firstStart.DemoSignIn ?? throw new InvalidOperationException("The demo workspace was not seeded.");
        await _app.StartAsync();
        BaseAddress = new Uri(RapportServer.Addresses(_app).Single());
        Api = new HttpClient { BaseAddress = BaseAddress };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", firstStart.ApiKey);

        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium}. Install Debian's chromium (./test.sh does) or set {ChromiumVariable}.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ChromiumArgs });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh context (cookies, storage) and page, at laptop size unless <paramref name="viewport"/> says otherwise.</summary>
    public async Task<IPage> NewPageAsync(bool javaScriptEnabled = true, ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1440, Height = 900 },
            JavaScriptEnabled = javaScriptEnabled,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public string Email(Desk.Agents.AgentRole role) => Demo.Agents.First(a => a.Role == role).Email;

    /// <summary>Signs in through the form and waits for the inbox to be interactive.</summary>
    public async Task SignInAsync(IPage page, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Demo.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(new Uri(BaseAddress, "/").ToString());
        await page.Locator(".inbox-page[data-ready=true]").WaitForAsync();
    }

    /// <summary>Runs <paramref name="test"/> with a fresh page; on failure saves a screenshot named after the test.</summary>
    public Task WithPageAsync(string name, Func<IPage, Task> test) => WithPageAsync(name, javaScriptEnabled: true, viewport: null, test);

    /// <summary>As <see cref="WithPageAsync(string, Func{IPage, Task})"/>, with JavaScript on or off and a viewport of its own.</summary>
    public async Task WithPageAsync(string name, bool javaScriptEnabled, ViewportSize? viewport, Func<IPage, Task> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var page = await NewPageAsync(javaScriptEnabled, viewport);
        try
        {
            await test(page);
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "failed-" + name + ".png"), FullPage = true });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    public async Task<JsonElement> PostJsonAsync(string path, object body)
    {
        using var response = await Api.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Api.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Api?.Dispose();
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

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rapport.slnx")))
            {
                return dir.FullName;
            }
        }

        return Path.GetTempPath();
    }
}
