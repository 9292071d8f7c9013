using System.Text.Json;
using Rapport.Cli.Input;
using Rapport.Cli.Output;
using Rapport.Cli.Processing;
using Rapport.Cli.Rendering;
using Spectre.Console;

namespace Rapport.Cli.Commands;

/// <summary>
/// The file mode of <c>analyze</c> and <c>review</c>: computes every record of an input in the
/// <see cref="BatchPipeline"/> and prints the results, either as JSON lines (each record's line and id, then its
/// result) or on the console (in detail when the whole input is one record, otherwise a table per batch, streamed).
/// </summary>
internal static class RecordOutput
{
    public static async Task<int> RunAsync<TItem, TResult>(
        CliContext context,
        IItemSource<TItem> source,
        Func<TItem, TResult> compute,
        bool json,
        ProgressReporter? reporter,
        Action<Utf8JsonWriter, TItem, TResult> writeProperties,
        Action<IAnsiConsole, TItem, TResult> renderDetailed,
        Action<IAnsiConsole, ReadOnlySpan<TItem>, ReadOnlySpan<TResult>> renderTable,
        CancellationToken cancellationToken)
        where TItem : IEchoedItem
    {
        if (json)
        {
            await BatchPipeline.RunJsonAsync<TItem, TResult>(
                source,
                compute,
                (writer, item, result) =>
                {
                    writer.WriteStartObject();
                    ReadingJson.WriteOrigin(writer, item.Line, item.Id);
                    writeProperties(writer, item, result);
                    writer.WriteEndObject();
                },
                context.Output,
                reporter,
                cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var console = Consoles.Create(context);
        var batches = 0;
        await BatchPipeline.RunAsync<TItem, TResult>(
            source,
            compute,
            batch =>
            {
                // A first batch of one is the whole input: show it in detail. Otherwise a table per batch, streamed.
                if (++batches == 1 && batch.Count == 1)
                {
                    renderDetailed(console, batch.Items[0], batch.Results[0]);
                }
                else
                {
                    renderTable(console, batch.Items.AsSpan(0, batch.Count), batch.Results.AsSpan(0, batch.Count));
                }
            },
            reporter,
            cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
