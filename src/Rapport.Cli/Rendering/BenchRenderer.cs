using System.Globalization;
using Rapport.Cli.Benchmarking;
using Spectre.Console;

namespace Rapport.Cli.Rendering;

/// <summary>Renders <c>rapport bench</c> results as a table.</summary>
internal static class BenchRenderer
{
    public static void Render(IAnsiConsole console, BenchReport report)
    {
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Corpus: {report.Messages:N0} generated messages, {report.AverageMessageLength:F0} characters on average; {Environment.ProcessorCount} cores; .NET {Environment.Version}.")));
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Operation")
            .AddColumn(new TableColumn("Calls").RightAligned())
            .AddColumn(new TableColumn("Per second").RightAligned())
            .AddColumn(new TableColumn("p50 µs").RightAligned())
            .AddColumn(new TableColumn("p95 µs").RightAligned())
            .AddColumn(new TableColumn("p99 µs").RightAligned())
            .AddColumn(new TableColumn("Bytes/call").RightAligned());
        Row(table, "analyze, 1 thread", report.Analyze);
        table.AddRow(
            $"analyze, {report.AnalyzeAllCores.Threads} threads",
            N(report.AnalyzeAllCores.Calls),
            $"[bold]{N(report.AnalyzeAllCores.PerSecond)}[/]",
            "",
            "",
            "",
            "");
        Row(table, $"review, {report.ReplyLength:N0}-char reply, {report.ContextMessages} messages", report.Review);
        Row(table, "compose", report.Compose);
        console.Write(table);
    }

    private static void Row(Table table, string name, LatencyStats stats) => table.AddRow(
        Markup.Escape(name),
        N(stats.Calls),
        $"[bold]{N(stats.PerSecond)}[/]",
        Us(stats.P50Microseconds),
        Us(stats.P95Microseconds),
        Us(stats.P99Microseconds),
        N(stats.BytesPerCall));

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Us(double value) => value.ToString(value < 10 ? "0.00" : value < 100 ? "0.0" : "N0", CultureInfo.InvariantCulture);
}
