using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rapport.Cli.Tests.Reporting;

/// <summary><c>rapport report</c> in-process against the real server with the demo workspace, and its failures.</summary>
public sealed partial class ReportCommandTests(DemoDeskServer server) : IClassFixture<DemoDeskServer>, IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly string[] ChartIds = ["empathy-by-week", "empathy-by-agent", "consistency", "empathy-vs-resolution", "emotion-mix", "response-times", "promises-kept"];

    private readonly TempDirectory _temp = new();

    // The demo's conversations are hours to days old: the last 60 days hold them all.
    private static readonly DateOnly To = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
    private static readonly DateOnly From = To.AddDays(-60);

    public void Dispose() => _temp.Dispose();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<CliResult> ReportAsync(string output, params string[] more) =>
        Cli.RunAsync(["report", "--from", Day(From), "--to", Day(To), "--out", output, "--server", server.BaseAddress.ToString(), "--key", server.AdminKey, .. more]);

    private static string Figure(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Figure(JsonElement value) => value.ValueKind == JsonValueKind.Null ? "–" : Figure(value.GetDouble());

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" width=\"(\\d+)\" height=\"(\\d+)\" alt=\"([^\"]{20,})\">", RegexOptions.None, 1000)]
    private static partial Regex Image();

    [Fact]
    public async Task Report_is_one_html_file_with_every_section_valid_png_charts_and_the_apis_figures()
    {
        var output = Path.Combine(_temp.Path, "report.html");

        var result = await ReportAsync(output);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(output, result.Stdout.Trim());
        Assert.Contains("report: reading the analytics", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("error", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["report.html"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName));

        var html = await File.ReadAllTextAsync(output);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace(server.BaseAddress.ToString(), "", StringComparison.Ordinal), StringComparison.Ordinal); // nothing fetched when read
        foreach (var id in ChartIds.Append("summary").Append("groups"))
        {
            Assert.Contains($"<h2 id=\"{id}\">", html, StringComparison.Ordinal);
        }

        // Seven charts, each a real PNG of the stated size, drawn with content (a blank 900×420 PNG is ~3 KB).
        var images = Image().Matches(html);
        Assert.Equal(ChartIds.Length, images.Count);
        foreach (Match image in images)
        {
            var png = Convert.FromBase64String(image.Groups[1].Value);
            Assert.Equal(PngSignature, png[..8]);
            Assert.True(png.Length > 15_000, $"a {png.Length}-byte chart is suspiciously small");
            Assert.Equal(int.Parse(image.Groups[2].Value, CultureInfo.InvariantCulture), ReadBigEndian(png, 16));
            Assert.Equal(int.Parse(image.Groups[3].Value, CultureInfo.InvariantCulture), ReadBigEndian(png, 20));
        }

        // The tables carry the API's own figures.
        var api = await server.OverviewAsync($"from={Day(From)}&to={Day(To)}");
        Assert.True(api.GetProperty("replies").GetInt64() > 0, "the demo workspace should have agent replies in range");
        Assert.Contains($"<dd>{Figure(api.GetProperty("empathy").GetDouble())}</dd>", html, StringComparison.Ordinal);
        var agents = api.GetProperty("agents").EnumerateArray().ToList();
        Assert.True(agents.Count >= 2, api.ToString());
        foreach (var a in agents)
        {
            var team = a.GetProperty("team").ValueKind == JsonValueKind.Null ? "–" : a.GetProperty("team").GetString()!;
            Assert.Contains(
                $"<tr><th scope=\"row\">{Html(a.GetProperty("name").GetString()!)}</th><td>{Html(team)}</td><td>{a.GetProperty("replies").GetInt64()}</td>" +
                $"<td>{Figure(a.GetProperty("empathy"))}</td><td>{Figure(a.GetProperty("fairEmpathy"))}</td><td>{Figure(a.GetProperty("spread"))}</td></tr>",
                html, StringComparison.Ordinal);
            Assert.Contains(
                $"<td>{Figure(a.GetProperty("resolutionMinutes"))}</td><td>{Figure(a.GetProperty("firstResponseMinutes"))}</td>" +
                $"<td>{Html(a.GetProperty("quadrantName").GetString() ?? "not placed")}</td></tr>",
                html, StringComparison.Ordinal);
        }

        foreach (var w in api.GetProperty("weeks").EnumerateArray())
        {
            Assert.Contains($"<tr><th scope=\"row\">{w.GetProperty("week").GetString()}</th><td>{w.GetProperty("replies").GetInt64()}</td><td>{Figure(w.GetProperty("empathy"))}</td></tr>", html, StringComparison.Ordinal);
        }

        foreach (var (name, across) in new[] { ("Agents", "acrossAgents"), ("Days", "acrossDays") })
        {
            var c = api.GetProperty(across);
            Assert.Contains(
                c.ValueKind == JsonValueKind.Null
                    ? $"<th scope=\"row\">{name}</th><td>too few replies</td>"
                    : $"<th scope=\"row\">{name}</th><td>{c.GetProperty("groups").GetInt32()}</td><td>{Figure(c.GetProperty("spread"))}</td><td>{Figure(c.GetProperty("lowest"))}</td><td>{Figure(c.GetProperty("highest"))}</td><td>{Figure(c.GetProperty("index"))}</td>",
                html, StringComparison.Ordinal);
        }

        var emotionWeeks = api.GetProperty("emotions").EnumerateArray().ToList();
        Assert.NotEmpty(emotionWeeks);
        foreach (var e in emotionWeeks)
        {
            var total = e.GetProperty("messages").EnumerateObject().Sum(m => m.Value.GetInt32());
            Assert.Matches($"<tr><th scope=\"row\">{e.GetProperty("week").GetString()}</th>(<td>\\d+</td>)+<td>{total}</td></tr>", html);
        }

        // The emotion columns wear the workspace's colours (app.css .tl-dot.emo-*).
        var workspace = new Dictionary<string, string> { ["anger"] = "#dc2626", ["frustration"] = "#ea580c", ["worry"] = "#9333ea", ["gratitude"] = "#16a34a", ["neutral"] = "#94a3b8" };
        var shown = emotionWeeks.SelectMany(e => e.GetProperty("messages").EnumerateObject().Select(m => m.Name)).Distinct().Where(workspace.ContainsKey).ToList();
        Assert.NotEmpty(shown);
        foreach (var label in shown)
        {
            Assert.Contains($"style=\"background:{workspace[label]}\" aria-hidden=\"true\"></span>{label}</th>", html, StringComparison.Ordinal);
        }

        foreach (var r in api.GetProperty("responses").EnumerateArray())
        {
            Assert.Contains($"<tr><th scope=\"row\">{r.GetProperty("week").GetString()}</th><td>{r.GetProperty("firstResponses").GetInt32()}</td><td>{Figure(r.GetProperty("firstResponseMinutes"))}</td>", html, StringComparison.Ordinal);
        }

        // Keep a copy for people to look at when asked (the test's temp folder is deleted).
        if (Environment.GetEnvironmentVariable("RAPPORT_REPORT_KEEP") is { Length: > 0 } keep)
        {
            File.Copy(output, keep, overwrite: true);
        }
    }

    [Fact]
    public async Task A_channel_narrows_the_report_and_a_bad_one_is_the_servers_problem_in_one_line()
    {
        var output = Path.Combine(_temp.Path, "chat.html");
        var result = await ReportAsync(output, "--channel", "chat");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains(", channel chat.", await File.ReadAllTextAsync(output), StringComparison.Ordinal);

        AssertFailed(await ReportAsync(Path.Combine(_temp.Path, "fax.html"), "--channel", "fax"), "the server answered 400", "channel");
        Assert.False(File.Exists(Path.Combine(_temp.Path, "fax.html")));
    }

    [Fact]
    public async Task A_range_over_a_year_is_the_servers_problem_in_one_line() =>
        AssertFailed(
            await Cli.RunAsync("report", "--from", "2024-01-01", "--to", "2025-12-31", "--out", Path.Combine(_temp.Path, "r.html"), "--server", server.BaseAddress.ToString(), "--key", server.AdminKey),
            "the server answered 400", "at most 366");

    [Fact]
    public async Task A_refused_key_exits_2_with_401()
    {
        var output = Path.Combine(_temp.Path, "r.html");
        AssertFailed(
            await Cli.RunAsync("report", "--from", "2026-01-01", "--to", "2026-01-31", "--out", output, "--server", server.BaseAddress.ToString(), "--key", "rpt_nope_nope"),
            "401");
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("2026-02-30", "2026-03-01", "--from '2026-02-30' is not a date written YYYY-MM-DD")]
    [InlineData("01/02/2026", "2026-03-01", "--from '01/02/2026' is not a date")]
    [InlineData("2026-03-01", "tomorrow", "--to 'tomorrow' is not a date")]
    [InlineData("2026-03-02", "2026-03-01", "--from (2026-03-02) is after --to (2026-03-01)")]
    public async Task Bad_dates_exit_2_in_one_line(string from, string to, string message) =>
        Cli.AssertBadInput(await Cli.RunAsync("report", "--from", from, "--to", to, "--out", Path.Combine(_temp.Path, "r.html"), "--key", "rpt_x_y"), message);

    [Fact]
    public async Task Missing_out_and_missing_folder_exit_2()
    {
        Cli.AssertBadInput(await Cli.RunAsync("report", "--from", "2026-03-01", "--to", "2026-03-02", "--key", "rpt_x_y"), "--out");
        Cli.AssertBadInput(await Cli.RunAsync("report", "--from", "2026-03-01", "--to", "2026-03-02", "--key", "rpt_x_y", "--out", Path.Combine(_temp.Path, "nope", "r.html")), "does not exist");
    }

    [Fact]
    public async Task Unreachable_server_exits_2_in_one_line()
    {
        // A port that was free a moment ago: nothing listens there.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var output = Path.Combine(_temp.Path, "r.html");

        var result = await Cli.RunAsync("report", "--from", "2026-03-01", "--to", "2026-03-31", "--out", output, "--server", $"http://127.0.0.1:{port}", "--key", "rpt_x_y");

        AssertFailed(result, "cannot reach the server at http://127.0.0.1:" + port + "/");
        Assert.False(File.Exists(output));
    }

    /// <summary>
    /// The failure contract once the report has started: exit 2, the status lines ("report: ...") and then one line
    /// "rapport: error: ..." with every fragment; no stack trace.
    /// </summary>
    private static void AssertFailed(CliResult result, params string[] fragments)
    {
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines[..^1], l => Assert.StartsWith("report: ", l, StringComparison.Ordinal));
        Assert.StartsWith("rapport: error: ", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, lines[^1], StringComparison.Ordinal);
        }

        Assert.Equal("", result.Stdout);
    }

    private static int ReadBigEndian(byte[] bytes, int offset) =>
        (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
}
