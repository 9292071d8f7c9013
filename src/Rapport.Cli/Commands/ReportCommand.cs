using System.CommandLine;
using System.Globalization;
using System.Text;
using Rapport.Cli.Reporting;

namespace Rapport.Cli.Commands;

/// <summary>
/// <c>rapport report --from --to --out report.html</c>: reads a desk server's <c>GET /api/v1/analytics/overview</c> and
/// writes one self-contained HTML page with PNG charts (as data URIs) and the figures beside each chart. Exit 0 when
/// the report was written (its path on stdout), 2 when it could not be (bad dates, server unreachable, key refused,
/// the server's problem in one line). Status lines go to stderr.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "First day, UTC, inclusive (YYYY-MM-DD).", HelpName = "YYYY-MM-DD", Required = true };
        var to = new Option<string>("--to") { Description = "Last day, UTC, inclusive (YYYY-MM-DD; at most 366 days after --from).", HelpName = "YYYY-MM-DD", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "The HTML file to write (charts embedded, one file).", HelpName = "FILE", Required = true };
        var server = new Option<string>("--server") { Description = "The desk server's URL.", HelpName = "URL", DefaultValueFactory = _ => ImportCommand.DefaultServer };
        var key = new Option<string?>("--key") { Description = $"An API key (default: ${ImportCommand.KeyVariable}).", HelpName = "KEY" };
        var team = new Option<long?>("--team") { Description = "Only this team's agents (its id).", HelpName = "ID" };
        var channel = new Option<string?>("--channel") { Description = "Only this channel (email, chat, phone, ...).", HelpName = "CHANNEL" };
        var command = new Command("report", "Write a team analytics report (empathy, consistency, emotions, response times) as one HTML file with PNG charts.")
        {
            from, to, output, server, key, team, channel,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            new ReportArguments(
                parseResult.GetValue(from)!,
                parseResult.GetValue(to)!,
                parseResult.GetValue(output)!,
                parseResult.GetValue(server)!,
                parseResult.GetValue(key) ?? Environment.GetEnvironmentVariable(ImportCommand.KeyVariable),
                parseResult.GetValue(team),
                parseResult.GetValue(channel)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ReportArguments arguments, CancellationToken cancellationToken)
    {
        var first = ParseDay(arguments.From, "--from");
        var last = ParseDay(arguments.To, "--to");
        if (first > last)
        {
            throw new CliException($"--from ({arguments.From}) is after --to ({arguments.To})");
        }

        if (!Uri.TryCreate(arguments.Server.EndsWith('/') ? arguments.Server : arguments.Server + "/", UriKind.Absolute, out var server)
            || server.Scheme is not ("http" or "https"))
        {
            throw new CliException($"--server '{arguments.Server}' is not an http(s) URL");
        }

        if (string.IsNullOrWhiteSpace(arguments.Key))
        {
            throw new CliException($"no API key: pass --key or set {ImportCommand.KeyVariable}");
        }

        var path = Path.GetFullPath(CommonOptions.RequireText(arguments.Output, "--out"));
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            throw new CliException($"--out: the folder {folder} does not exist");
        }

        var channel = string.IsNullOrWhiteSpace(arguments.Channel) ? null : arguments.Channel.Trim();
        var query = new OverviewQuery(first, last, arguments.Team, channel);
        context.Error.WriteLine($"report: reading the analytics for {arguments.From} to {arguments.To} from {server}");
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", arguments.Key.Trim());
        var overview = await new AnalyticsClient(http, server).GetOverviewAsync(query, cancellationToken).ConfigureAwait(false);

        context.Error.WriteLine($"report: drawing the charts ({overview.Replies:N0} replies, {overview.Agents.Count} agents, {overview.Weeks.Count} weeks)");
        cancellationToken.ThrowIfCancellationRequested();
        var charts = ReportCharts.Draw(overview);
        var filters = (arguments.Team is { } t ? $", team {t.ToString(CultureInfo.InvariantCulture)}" : "") + (channel is null ? "" : $", channel {channel}");
        var html = ReportHtml.Write(overview, charts, new ReportHeading(context.Time.GetUtcNow(), server.ToString(), filters));

        // Written beside the target and moved over it, so a failed run never leaves half a report.
        var temporary = path + ".tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, html, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new CliException($"cannot write {path}: {exception.Message}", exception);
        }

        context.Error.WriteLine($"report: wrote {charts.Count} charts, {new FileInfo(path).Length / 1024:N0} KiB");
        context.Output.Text.WriteLine(path);
        return ExitCodes.Success;
    }

    private static DateOnly ParseDay(string value, string option) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new CliException($"{option} '{(value.Length > 20 ? value[..20] + "…" : value)}' is not a date written YYYY-MM-DD");

    private sealed record ReportArguments(string From, string To, string Output, string Server, string? Key, long? Team, string? Channel);
}
