using BenchmarkDotNet.Attributes;
using Rapport.Core.Promises;

namespace Rapport.Benchmarks;

/// <summary>Promise detection on a typical agent reply (five sentences, one promise) and on one without a promise.</summary>
[MemoryDiagnoser]
public class PromiseBenchmarks
{
    private const string Reply =
        "Hi Maria, I'm so sorry your cake stand arrived cracked just before the party. I can see how stressful this is. "
        + "I will check with the warehouse today, and you'll get an update by Friday. "
        + "If anything else comes up, just reply to this message. Thank you for your patience!";

    private const string NoPromise =
        "Thanks for getting back to us. I'll be honest, the courier was late this week. Could you tell me the order number? Let me know if anything else comes up.";

    private static readonly PromiseClock Clock = PromiseClock.Utc(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

    [Benchmark(Baseline = true)]
    public int Reply_with_a_promise() => PromiseDetector.Detect(Reply, Clock).Count;

    [Benchmark]
    public int Reply_without_a_promise() => PromiseDetector.Detect(NoPromise, Clock).Count;
}
