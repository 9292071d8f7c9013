using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Rapport.Cli.Input;
using Rapport.Cli.Output;

namespace Rapport.Cli.Processing;

/// <summary>Writes one result as a JSON value (one line of JSON-lines output).</summary>
internal delegate void JsonResultWriter<TItem, TResult>(Utf8JsonWriter writer, TItem item, TResult result);

/// <summary>A batch of input records and their results, in input order.</summary>
internal sealed class Batch<TItem, TResult>(int capacity)
{
    public TItem[] Items { get; } = new TItem[capacity];

    public TResult[] Results { get; } = new TResult[capacity];

    public int Count { get; set; }

    /// <summary>Bytes of input consumed up to the end of this batch.</summary>
    public long EndPosition { get; set; }

    /// <summary>Lines of input read up to the end of this batch.</summary>
    public int EndLine { get; set; }

    /// <summary>The batch's JSON output, when the pipeline serialises.</summary>
    internal ArrayBufferWriter<byte>? Json { get; set; }

    /// <summary>Completes when a worker has computed (and serialised) the batch.</summary>
    internal TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Streams records through a computation on all cores while keeping input order and bounded memory. One task reads
/// batches of <see cref="BatchSize"/> records; one worker per core takes whole batches and computes (and, for JSON
/// output, serialises) them independently, with no barrier between batches; the caller's loop takes the batches in
/// input order as they complete and writes them out. At most about two batches per core are in memory at once.
/// </summary>
internal static class BatchPipeline
{
    public const int BatchSize = 1024;

    /// <summary>Computes every record of <paramref name="source"/>, writing each result as a JSON line to stdout.</summary>
    /// <returns>The number of records.</returns>
    public static Task<long> RunJsonAsync<TItem, TResult>(
        IItemSource<TItem> source,
        Func<TItem, TResult> compute,
        JsonResultWriter<TItem, TResult> writeJson,
        OutputSink output,
        ProgressReporter? progress,
        CancellationToken cancellationToken)
        where TItem : ILineItem
    {
        var buffers = new ConcurrentBag<ArrayBufferWriter<byte>>();
        return RunAsync<TItem, TResult>(
            source,
            compute,
            batch =>
            {
                var buffer = buffers.TryTake(out var pooled) ? pooled : new ArrayBufferWriter<byte>(BatchSize * 1024);
                buffer.ResetWrittenCount();
                using var writer = new Utf8JsonWriter(buffer, JsonOutput.Compact);
                for (var i = 0; i < batch.Count; i++)
                {
                    writeJson(writer, batch.Items[i], batch.Results[i]);
                    writer.Flush();
                    buffer.Write("\n"u8);
                    writer.Reset(buffer);
                }

                batch.Json = buffer;
            },
            batch =>
            {
                output.WriteUtf8(batch.Json!.WrittenSpan);
                buffers.Add(batch.Json);
                batch.Json = null;
            },
            progress,
            cancellationToken);
    }

    /// <summary>Computes every record of <paramref name="source"/>, handing each batch of results to <paramref name="consume"/> in order.</summary>
    /// <returns>The number of records.</returns>
    public static Task<long> RunAsync<TItem, TResult>(
        IItemSource<TItem> source,
        Func<TItem, TResult> compute,
        Action<Batch<TItem, TResult>> consume,
        ProgressReporter? progress,
        CancellationToken cancellationToken)
        where TItem : ILineItem =>
        RunAsync(source, compute, null, consume, progress, cancellationToken);

    private static async Task<long> RunAsync<TItem, TResult>(
        IItemSource<TItem> source,
        Func<TItem, TResult> compute,
        Action<Batch<TItem, TResult>>? finish,
        Action<Batch<TItem, TResult>> consume,
        ProgressReporter? progress,
        CancellationToken cancellationToken)
        where TItem : ILineItem
    {
        var workers = Environment.ProcessorCount;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = Channel.CreateBounded<Batch<TItem, TResult>>(new BoundedChannelOptions(workers) { SingleWriter = true });
        var ordered = Channel.CreateBounded<Batch<TItem, TResult>>(new BoundedChannelOptions(workers * 2) { SingleWriter = true, SingleReader = true });
        var reading = Task.Run(() => ReadAsync(source, work.Writer, ordered.Writer, stop.Token), CancellationToken.None);
        var computing = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            computing[w] = Task.Run(() => ComputeAsync(work.Reader, compute, finish, source.Source, stop.Token), CancellationToken.None);
        }

        long total = 0;
        var completed = false;
        try
        {
            while (await ordered.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (ordered.Reader.TryRead(out var batch))
                {
                    await batch.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                    consume(batch);
                    total += batch.Count;
                    progress?.Report(batch.EndLine, batch.EndPosition);
                }
            }

            completed = true;
        }
        catch (ChannelClosedException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
        finally
        {
            // On failure the reader may be blocked on a channel or on a terminal's stdin: release it and leave it.
            stop.Cancel();
        }

        if (completed)
        {
            await reading.ConfigureAwait(false);
            await Task.WhenAll(computing).ConfigureAwait(false);
        }

        progress?.Complete(total);
        return total;
    }

    private static async Task ComputeAsync<TItem, TResult>(
        ChannelReader<Batch<TItem, TResult>> work,
        Func<TItem, TResult> compute,
        Action<Batch<TItem, TResult>>? finish,
        string source,
        CancellationToken cancellationToken)
        where TItem : ILineItem
    {
        try
        {
            await foreach (var batch in work.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch.Results[i] = Compute(compute, batch.Items[i], source);
                    }

                    finish?.Invoke(batch);
                    batch.Done.SetResult();
                }
                catch (Exception exception)
                {
                    batch.Done.SetException(exception);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the consumer has already left.
        }
    }

    private static TResult Compute<TItem, TResult>(Func<TItem, TResult> compute, TItem item, string source)
        where TItem : ILineItem
    {
        try
        {
            return compute(item);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or CliException))
        {
            throw new InvalidOperationException($"{source}:{item.Line}: {exception.Message}", exception);
        }
    }

    private static async Task ReadAsync<TItem, TResult>(
        IItemSource<TItem> source,
        ChannelWriter<Batch<TItem, TResult>> work,
        ChannelWriter<Batch<TItem, TResult>> ordered,
        CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            while (true)
            {
                var batch = new Batch<TItem, TResult>(BatchSize);
                try
                {
                    while (batch.Count < BatchSize && source.TryRead(out var item))
                    {
                        batch.Items[batch.Count++] = item;
                    }
                }
                catch (Exception exception)
                {
                    failure = exception; // emit the records before the bad one, then fail
                }

                batch.EndPosition = source.Position;
                batch.EndLine = source.LinesRead;
                if (batch.Count > 0)
                {
                    // In order first, so that the consumer never waits for a batch it cannot see.
                    await ordered.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                    await work.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                }

                if (failure is not null || batch.Count < BatchSize)
                {
                    break;
                }
            }
        }
        catch (Exception exception)
        {
            failure ??= exception;
        }

        work.TryComplete();
        ordered.TryComplete(failure);
    }
}
