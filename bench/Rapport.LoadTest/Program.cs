using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Agents;
using Rapport.Desk.Data;
using Rapport.LoadTest;

// rapport-loadtest seed    --provider Sqlite|PostgreSql --connection CS [--conversations 100000] [--messages 10] [--customers 20000] [--surveys 50000] --key-file FILE
// rapport-loadtest measure --url URL --key-file FILE [--conversations 100000] [--requests 500] [--concurrency 16] [--duration 10] [--pid PID]
// bench/desk-load/run.sh drives both against a server process; see docs/benchmarks.md.
try
{
    if (args.Length == 0 || args[0] is not ("seed" or "measure" or "set-password"))
    {
        throw new ArgumentException("usage: rapport-loadtest seed|set-password|measure [options] (see bench/desk-load/run.sh)");
    }

    var options = Options.Parse(args.AsSpan(1));
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
    if (args[0] is "seed" or "set-password")
    {
        var provider = options.Get("provider", "Sqlite");
        var connection = options.Require("connection");
        RapportDbContext Create() => new(provider switch
        {
            "Sqlite" => new DbContextOptionsBuilder<RapportDbContext>().UseSqlite(connection, x => x.MigrationsAssembly("Rapport.Desk.Migrations.Sqlite")).Options,
            "PostgreSql" => new DbContextOptionsBuilder<RapportDbContext>().UseNpgsql(connection, x => x.MigrationsAssembly("Rapport.Desk.Migrations.PostgreSql")).Options,
            _ => throw new ArgumentException($"--provider must be Sqlite or PostgreSql, not '{provider}'"),
        });
        if (args[0] == "set-password")
        {
            // The workspace's sign-in for the load test's lead (seeded agents have no password).
            await using var db = Create();
            var email = options.Require("email");
            var agent = await db.Agents.FirstOrDefaultAsync(a => a.Email == email, cancel.Token)
                ?? throw new ArgumentException($"no agent with e-mail {email}");
            agent.PasswordHash = AgentPasswords.Hash(agent, options.Require("password"));
            await db.SaveChangesAsync(cancel.Token);
            return 0;
        }

        var key = await new ArchiveSeeder(Create, Console.Out).SeedAsync(
            options.Int("conversations", 100_000), options.Int("messages", 10), options.Int("customers", 20_000), options.Int("surveys", 50_000), cancel.Token);
        await File.WriteAllTextAsync(options.Require("key-file"), key, cancel.Token);
        return 0;
    }

    var conversations = options.Int("conversations", 100_000);
    var requests = options.Int("requests", 500);
    var load = new DeskLoad(new Uri(options.Require("url")), (await File.ReadAllTextAsync(options.Require("key-file"), cancel.Token)).Trim(), Console.Out);
    var random = new Random(7);
    await load.GetSequentialAsync("inbox first page by priority", _ => "/api/v1/conversations?limit=25", requests, cancel.Token);
    await load.GetSequentialAsync("inbox first page, open only", _ => "/api/v1/conversations?status=open&limit=25", requests, cancel.Token);
    await load.GetSequentialAsync("inbox first page, waiting longest", _ => "/api/v1/conversations?sort=waiting&limit=25", requests, cancel.Token);
    await load.GetSequentialAsync("conversation detail", _ => "/api/v1/conversations/" + (1 + random.Next(conversations)).ToString(CultureInfo.InvariantCulture), requests, cancel.Token);
    if (options.Get("agent-email", "") is { Length: > 0 } agentEmail)
    {
        // The workspace's inbox page as a signed-in lead's browser gets it: server-rendered HTML of the first rows.
        using var browser = await WorkspaceClient.SignInAsync(new Uri(options.Require("url")), agentEmail, options.Require("agent-password"), cancel.Token);
        var page = await browser.GetStringAsync(new Uri("/", UriKind.Relative), cancel.Token);
        var rows = page.Split("data-testid=\"inbox-row\"").Length - 1;
        if (rows == 0)
        {
            throw new InvalidOperationException("the workspace inbox page came back without rows; is the lead signed in?");
        }

        Console.WriteLine($"workspace inbox page: {rows} rows server-rendered, {page.Length / 1024} KB");
        await load.GetSequentialAsync("workspace inbox page (signed-in lead)", browser, _ => "/", Math.Min(requests, 200), cancel.Token);
    }

    await load.AnalyzeAsync(options.Int("concurrency", 16), TimeSpan.FromSeconds(options.Int("duration", 10)), cancel.Token);
    var pid = options.Get("pid", "");
    await PrintMemoryAsync(pid, "serving the inbox, details and analyze", cancel.Token);
    if (options.Get("analytics", "yes") == "yes")
    {
        // After the serving figures: the full rebuild of the analytics rollup is an admin's one-off over the whole
        // archive and has its own memory peak, reported separately.
        await new AnalyticsLoad(load, Console.Out).MeasureAsync(Math.Min(requests, 200), cancel.Token);
        await PrintMemoryAsync(pid, "after the full analytics rebuild and the dashboard queries", cancel.Token);
    }

    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("rapport-loadtest: " + e.Message);
    return 2;
}
catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or DbUpdateException)
{
    Console.Error.WriteLine("rapport-loadtest: " + e.Message);
    return 1;
}

// The server's resident memory now and its peak so far (/proc/PID/status), when the caller gave its pid.
static async Task PrintMemoryAsync(string pid, string when, CancellationToken cancellationToken)
{
    if (pid.Length == 0)
    {
        return;
    }

    foreach (var line in await File.ReadAllLinesAsync($"/proc/{pid}/status", cancellationToken).ConfigureAwait(false))
    {
        if (line.StartsWith("VmRSS:", StringComparison.Ordinal) || line.StartsWith("VmHWM:", StringComparison.Ordinal))
        {
            Console.WriteLine($"server {(line.StartsWith("VmRSS", StringComparison.Ordinal) ? "RSS now" : "peak RSS")} {when}: {line[6..].Trim()}");
        }
    }
}

/// <summary>--name value pairs.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Options Parse(ReadOnlySpan<string> args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --name value, got '{args[i]}'");
            }

            options._values[args[i][2..]] = args[i + 1];
        }

        return options;
    }

    public string Get(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public string Require(string name) => _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    public int Int(string name, int fallback) =>
        !_values.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new ArgumentException($"--{name} must be a positive whole number, not '{text}'");
}
