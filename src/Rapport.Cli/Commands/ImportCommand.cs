using System.CommandLine;
using Rapport.Cli.Importing;
using Rapport.Cli.Input;
using Rapport.Cli.Output;
using Rapport.Cli.Rendering;

namespace Rapport.Cli.Commands;

/// <summary>
/// <c>rapport import FILE</c>: sends a JSON-lines or CSV file of messages to a desk server's <c>POST /api/v1/import</c>,
/// in chunks, with progress. Exit 0 when every line was imported or already there, 1 when some were rejected, 2 when
/// the import could not run (bad arguments, unreadable file, server unreachable, key refused).
/// </summary>
internal static class ImportCommand
{
    public const string DefaultServer = "http://localhost:5080";
    public const string KeyVariable = "RAPPORT_API_KEY";
    public const int DefaultBatch = 2000;

    /// <summary>Under the server's default import limit (32 MiB), with room for a long CSV header.</summary>
    public const int MaxChunkBytes = 16 * 1024 * 1024;

    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The file to import: JSON lines (.jsonl, .ndjson) or CSV (.csv) with a header row (docs/import.md)." };
        var server = new Option<string>("--server") { Description = "The desk server's URL.", HelpName = "URL", DefaultValueFactory = _ => DefaultServer };
        var key = new Option<string?>("--key") { Description = $"An API key with the write scope (default: ${KeyVariable}).", HelpName = "KEY" };
        var format = new Option<string?>("--format") { Description = "jsonl or csv (default: from the file's extension).", HelpName = "FORMAT" };
        var map = new Option<string?>("--map") { Description = "CSV column mapping, e.g. conversation=ticket_id,customer=requester,text=body (default: columns named like the fields).", HelpName = "MAPPING" };
        var batch = new Option<int>("--batch") { Description = $"Lines per request (default {DefaultBatch:N0}).", HelpName = "N", DefaultValueFactory = _ => DefaultBatch };
        var rejected = new Option<string?>("--rejected") { Description = "Write every rejected line (line, reason) to FILE: CSV, or JSON lines for .jsonl.", HelpName = "FILE" };
        var progress = CommonOptions.Progress();
        var command = new Command("import", "Import conversations into a desk server from JSON lines or CSV; idempotent (lines already imported are skipped).")
        {
            file, server, key, format, map, batch, rejected, progress,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            new ImportArguments(
                parseResult.GetValue(file)!,
                parseResult.GetValue(server)!,
                parseResult.GetValue(key) ?? Environment.GetEnvironmentVariable(KeyVariable),
                parseResult.GetValue(format),
                parseResult.GetValue(map),
                parseResult.GetValue(batch),
                parseResult.GetValue(rejected),
                parseResult.GetValue(progress)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ImportArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Batch is < 1 or > 100_000)
        {
            throw new CliException("--batch must be between 1 and 100000");
        }

        if (!Uri.TryCreate(arguments.Server.EndsWith('/') ? arguments.Server : arguments.Server + "/", UriKind.Absolute, out var server)
            || server.Scheme is not ("http" or "https"))
        {
            throw new CliException($"--server '{arguments.Server}' is not an http(s) URL");
        }

        if (string.IsNullOrWhiteSpace(arguments.Key))
        {
            throw new CliException($"no API key: pass --key or set {KeyVariable}");
        }

        var format = ImportFormats.Resolve(arguments.Format, arguments.File);
        if (arguments.Map is not null && format != ImportFormat.Csv)
        {
            throw new CliException("--map applies to CSV files only");
        }

        await using var stream = InputFiles.Open(arguments.File);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", arguments.Key.Trim());
        var importer = new FileImporter(new ImportClient(http, server), format, arguments.Map, arguments.Batch, MaxChunkBytes);
        var totals = await importer.RunAsync(stream, arguments.File, ProgressReporter.Create(context, arguments.Progress, "import", stream.Length), cancellationToken)
            .ConfigureAwait(false);

        ImportRenderer.WriteSummary(context.Output.Text, totals);
        ImportRenderer.WriteRejected(context.Error, arguments.File, totals, arguments.Rejected);
        if (arguments.Rejected is not null)
        {
            ImportRenderer.WriteRejectedFile(arguments.Rejected, totals);
        }

        return totals.Rejected.Count > 0 ? ExitCodes.SomeRejected : ExitCodes.Success;
    }

    private sealed record ImportArguments(string File, string Server, string? Key, string? Format, string? Map, int Batch, string? Rejected, bool Progress);
}
