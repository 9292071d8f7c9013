using System.Diagnostics;
using Rapport.Core.Coaching;
using Rapport.Core.Composing;
using Rapport.Core.Emotions;

namespace Rapport.Cli.Benchmarking;

/// <summary>Latency and throughput of one operation measured on one thread.</summary>
/// <param name="Calls">Calls measured.</param>
/// <param name="Seconds">Wall time of the measured calls.</param>
/// <param name="P50Microseconds">Median latency.</param>
/// <param name="P95Microseconds">95th percentile latency.</param>
/// <param name="P99Microseconds">99th percentile latency.</param>
/// <param name="BytesPerCall">Managed bytes allocated per call on the calling thread.</param>
internal sealed record LatencyStats(long Calls, double Seconds, double P50Microseconds, double P95Microseconds, double P99Microseconds, double BytesPerCall)
{
    public double PerSecond => Seconds <= 0 ? 0 : Calls / Seconds;
}

/// <summary>Throughput on all cores.</summary>
internal sealed record ThroughputStats(int Threads, long Calls, double Seconds)
{
    public double PerSecond => Seconds <= 0 ? 0 : Calls / Seconds;
}

/// <summary>What <c>rapport bench</c> measured.</summary>
internal sealed record BenchReport(
    int Messages,
    double AverageMessageLength,
    LatencyStats Analyze,
    ThroughputStats AnalyzeAllCores,
    int ReplyLength,
    int ContextMessages,
    LatencyStats Review,
    LatencyStats Compose);

/// <summary>
/// Measures the engine on <see cref="BenchCorpus"/>: analyze on one thread (latency percentiles, allocations) and on
/// all cores (throughput), review of a 1,000-character reply with five customer messages, and compose. Each
/// measurement warms up, then runs for the given time and at least one pass over the corpus.
/// </summary>
internal static class BenchRunner
{
    /// <summary>Latency samples kept per measurement (calls beyond it are counted, not sampled).</summary>
    private const int MaxSamples = 4_000_000;

    public static BenchReport Run(int messageCount, double seconds, Action<string>? status, CancellationToken cancellationToken)
    {
        var messages = BenchCorpus.Messages(messageCount);
        var analyzer = EmotionAnalyzer.Default;
        var coach = EmpathyCoach.Default;
        var composer = ReplyComposer.Default;
        var reply = BenchCorpus.LongReply();
        var reviewContext = new ReviewContext(BenchCorpus.Conversation(), "Maria Lopez", "Sam");
        var composeContext = new ReviewContext([messages[0]], "Maria Lopez");
        var composeRequest = new ComposeRequest("Return it via the portal and we will send a replacement.", ["a full refund"], "by Friday");

        status?.Invoke("analyze, one thread");
        var analyze = Measure(i => analyzer.Analyze(messages[i % messages.Length]), messages.Length, seconds, cancellationToken);
        status?.Invoke($"analyze, {Environment.ProcessorCount} threads");
        var allCores = MeasureParallel(i => analyzer.Analyze(messages[i % messages.Length]), messages.Length, seconds, cancellationToken);
        status?.Invoke("review");
        var review = Measure(_ => coach.Review(reply, reviewContext), 1, seconds, cancellationToken);
        status?.Invoke("compose");
        var compose = Measure(i => composer.Compose(composeContext, composeRequest with { Seed = i }), 1, seconds, cancellationToken);

        return new BenchReport(
            messages.Length,
            messages.Average(m => m.Length),
            analyze,
            allCores,
            reply.Length,
            reviewContext.CustomerMessages.Count,
            review,
            compose);
    }

    /// <summary>Times each call of <paramref name="call"/> on this thread.</summary>
    public static LatencyStats Measure(Action<int> call, int minCalls, double seconds, CancellationToken cancellationToken)
    {
        var rate = WarmUp(call, seconds, cancellationToken);

        // Sized from the warm-up's rate so that the measured loop never allocates for its own bookkeeping.
        var samples = new long[(int)Math.Clamp(minCalls + (long)(rate * seconds * 1.5), 1024, MaxSamples)];
        var stopAfter = (long)(seconds * Stopwatch.Frequency);
        long calls = 0;
        Collect();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        long now;
        do
        {
            var before = Stopwatch.GetTimestamp();
            call((int)(calls % int.MaxValue));
            now = Stopwatch.GetTimestamp();
            if (calls < samples.Length)
            {
                samples[calls] = now - before;
            }

            calls++;
            if ((calls & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        while (calls < minCalls || now - started < stopAfter);

        var elapsed = Stopwatch.GetElapsedTime(started, now).TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var sampled = (int)Math.Min(calls, samples.Length);
        Array.Sort(samples, 0, sampled);
        return new LatencyStats(
            calls,
            elapsed,
            Percentile(samples, sampled, 0.50),
            Percentile(samples, sampled, 0.95),
            Percentile(samples, sampled, 0.99),
            (double)allocated / calls);
    }

    /// <summary>Calls <paramref name="call"/> on every core for the given time; counts calls.</summary>
    public static ThroughputStats MeasureParallel(Action<int> call, int minCalls, double seconds, CancellationToken cancellationToken)
    {
        var threads = Environment.ProcessorCount;
        WarmUp(call, seconds, cancellationToken);
        Collect();
        var stopAfter = (long)(seconds * Stopwatch.Frequency);
        var counts = new long[threads];
        long next = -1;
        var started = Stopwatch.GetTimestamp();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, t =>
        {
            long count = 0;
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= minCalls && Stopwatch.GetTimestamp() - started >= stopAfter)
                {
                    break;
                }

                call((int)(i % int.MaxValue));
                count++;
                if ((count & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            counts[t] = count;
        });
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new ThroughputStats(threads, counts.Sum(), elapsed);
    }

    /// <summary>Calls for a while (long enough for tiered compilation to reach optimised code).</summary>
    /// <returns>Calls per second during the warm-up.</returns>
    private static double WarmUp(Action<int> call, double seconds, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(Math.Clamp(seconds / 2, 0.01, 1.0) * Stopwatch.Frequency);
        var i = 0;
        do
        {
            call(i++);
            cancellationToken.ThrowIfCancellationRequested();
        }
        while (Stopwatch.GetTimestamp() < until);

        return i / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static double Percentile(long[] sorted, int count, double p)
    {
        if (count == 0)
        {
            return 0;
        }

        var index = Math.Clamp((int)Math.Ceiling(p * count) - 1, 0, count - 1);
        return sorted[index] * 1_000_000.0 / Stopwatch.Frequency;
    }
}
