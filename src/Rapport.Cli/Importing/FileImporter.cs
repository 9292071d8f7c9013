using System.Diagnostics;
using System.Text;
using Rapport.Cli.Output;

namespace Rapport.Cli.Importing;

/// <summary>
/// Streams an import file to the server chunk by chunk (each chunk acknowledged before the next is sent), maps the
/// rejected lines back to the file's line numbers and adds up the reports.
/// </summary>
internal sealed class FileImporter(ImportClient client, ImportFormat format, string? map, int linesPerChunk, int maxChunkBytes)
{
    public async Task<ImportTotals> RunAsync(Stream file, string name, ProgressReporter? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var reader = new StreamReader(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, 1 << 16);
        var chunker = new ImportChunker(reader, format, linesPerChunk, maxChunkBytes);
        var totals = new ImportTotals();
        while (true)
        {
            ImportChunk? chunk;
            try
            {
                chunk = chunker.Next();
            }
            catch (DecoderFallbackException exception)
            {
                throw new CliException($"{name}: not valid UTF-8 (after {totals.Lines:N0} lines were sent)", exception);
            }

            if (chunk is null)
            {
                break;
            }

            ImportChunkReport report;
            try
            {
                report = await client.PostAsync(chunk.Body, format, map, cancellationToken).ConfigureAwait(false);
            }
            catch (CliException exception) when (totals.Lines > 0)
            {
                throw new CliException(
                    $"{exception.Message} (at {name}:{chunk.FirstLine}; the {totals.Lines:N0} lines before were imported, and importing the file again skips them)",
                    exception);
            }

            totals.Add(report, chunk);
            progress?.Report(totals.Lines, chunk.BytesRead);
        }

        totals.Elapsed = Stopwatch.GetElapsedTime(started);
        progress?.Complete(totals.Lines);
        return totals;
    }
}

/// <summary>What an import of a file did, with rejected lines numbered as in the file.</summary>
internal sealed class ImportTotals
{
    public long Lines { get; private set; }

    public long Imported { get; private set; }

    public long Duplicates { get; private set; }

    public long ConversationsCreated { get; private set; }

    public long CustomersCreated { get; private set; }

    public long SlaClocks { get; private set; }

    public long SlaBreached { get; private set; }

    public long Promises { get; private set; }

    public long QuietFollowUps { get; private set; }

    public List<RejectedLine> Rejected { get; } = [];

    public TimeSpan Elapsed { get; set; }

    public void Add(ImportChunkReport report, ImportChunk chunk)
    {
        Lines += report.Lines;
        Imported += report.Imported;
        Duplicates += report.Duplicates;
        ConversationsCreated += report.ConversationsCreated;
        CustomersCreated += report.CustomersCreated;
        SlaClocks += report.Timers.SlaClocks;
        SlaBreached += report.Timers.SlaBreached;
        Promises += report.Timers.Promises;
        QuietFollowUps += report.Timers.QuietFollowUps;
        Rejected.AddRange(report.Rejected.Select(r => r with { Line = chunk.FileLine(r.Line) }));
    }
}
