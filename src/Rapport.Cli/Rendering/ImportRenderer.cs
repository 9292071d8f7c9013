using System.Globalization;
using System.Text;
using System.Text.Json;
using Rapport.Cli.Importing;

namespace Rapport.Cli.Rendering;

/// <summary>The import summary (stdout), the first rejected lines (stderr) and the <c>--rejected</c> file.</summary>
internal static class ImportRenderer
{
    /// <summary>Rejected lines listed on stderr; the rest are counted (and all go to --rejected).</summary>
    public const int ListedRejections = 20;

    public static void WriteSummary(TextWriter output, ImportTotals totals)
    {
        var seconds = Math.Max(totals.Elapsed.TotalSeconds, 1e-3);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"imported {totals.Imported:N0} messages, {totals.Duplicates:N0} duplicates, {totals.Rejected.Count:N0} rejected ({totals.Lines:N0} lines in {seconds:F1} s, {totals.Lines / seconds:N0} messages/s)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"created {totals.ConversationsCreated:N0} conversations and {totals.CustomersCreated:N0} customers"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"started {totals.SlaClocks:N0} SLA clocks ({totals.SlaBreached:N0} already breached), {totals.Promises:N0} promises and {totals.QuietFollowUps:N0} quiet-customer follow-ups"));
    }

    public static void WriteRejected(TextWriter error, string file, ImportTotals totals, string? rejectedFile)
    {
        foreach (var rejected in totals.Rejected.Take(ListedRejections))
        {
            error.WriteLine($"{file}:{rejected.Line}: {rejected.Reason}");
        }

        if (totals.Rejected.Count > ListedRejections)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"... and {totals.Rejected.Count - ListedRejections:N0} more rejected lines{(rejectedFile is null ? " (--rejected FILE lists them all)" : "")}"));
        }
    }

    /// <summary>Writes every rejected line: JSON lines for a .jsonl/.ndjson file, otherwise CSV <c>line,reason</c>.</summary>
    public static void WriteRejectedFile(string path, ImportTotals totals)
    {
        var jsonLines = Path.GetExtension(path).ToUpperInvariant() is ".JSONL" or ".NDJSON";
        try
        {
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            if (!jsonLines)
            {
                writer.Write("line,reason\n");
            }

            foreach (var rejected in totals.Rejected)
            {
                writer.Write(jsonLines
                    ? JsonSerializer.Serialize(new Dictionary<string, object> { ["line"] = rejected.Line, ["reason"] = rejected.Reason })
                    : string.Create(CultureInfo.InvariantCulture, $"{rejected.Line},{CsvField(rejected.Reason)}"));
                writer.Write('\n');
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: cannot write the rejected lines ({exception.Message})", exception);
        }
    }

    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
