using BenchmarkDotNet.Attributes;
using Rapport.Core.Promises;

namespace Rapport.Benchmarks;

/// <summary>Promise detection on a typical agent reply (five sentences, one promise) and on one without a promise.</summary>
[MemoryDiagnoser]
public class PromiseBenchmarks
{
    private readonly string _reply =
        "Hi Maria, I'm so sorry your cake stand arrived cracked just before the party. I can see how stressful this is. "
        + "I will check with the warehouse today, and you'll get an update by Friday. "
        + "If anything else comes up, just reply to this message. Thank you for your patience!";

    private readonly string _noPromise =
        "Thanks for getting back to us. I'll be honest, the courier was late this week. Could you tell me the order number? Let me know if anything else comes up.";

    private readonly PromiseClock _clock = PromiseClock.Utc(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

    [Benchmark(Baseline = true)]
    public int ReplyWithAPromise() => PromiseDetector.Detect(_reply, _clock).Count;

    [Benchmark]
    public int ReplyWithoutAPromise() => PromiseDetector.Detect(_noPromise, _clock).Count;
}
