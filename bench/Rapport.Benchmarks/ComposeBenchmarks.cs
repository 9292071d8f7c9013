using BenchmarkDotNet.Attributes;
using Rapport.Core.Coaching;
using Rapport.Core.Composing;

namespace Rapport.Benchmarks;

/// <summary>ReplyComposer.Compose around a curt answer (includes the review of the composed reply).</summary>
[MemoryDiagnoser]
public class ComposeBenchmarks
{
    private readonly ReplyComposer _composer = ReplyComposer.Default;
    private readonly ReviewContext _context = new(["My order arrived damaged and I need it for Saturday"], "Maria Lopez");
    private readonly ComposeRequest _request = new("Return it via the portal and we will send a replacement.", ["a full refund"], "by Friday");

    [GlobalSetup]
    public void Setup() => _composer.Compose(_context, _request);

    [Benchmark]
    public ComposedReply Compose() => _composer.Compose(_context, _request);
}
