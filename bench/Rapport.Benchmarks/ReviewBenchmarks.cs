using BenchmarkDotNet.Attributes;
using Rapport.Cli.Benchmarking;
using Rapport.Core.Coaching;

namespace Rapport.Benchmarks;

/// <summary>EmpathyCoach.Review of a 1,000-character reply with five customer messages (target: p99 &lt; 1 ms).</summary>
[MemoryDiagnoser]
public class ReviewBenchmarks
{
    private readonly EmpathyCoach _coach = EmpathyCoach.Default;
    private string _reply = "";
    private ReviewContext _context = ReviewContext.Of("");

    [GlobalSetup]
    public void Setup()
    {
        _reply = BenchCorpus.LongReply();
        _context = new ReviewContext(BenchCorpus.Conversation(), "Maria Lopez", "Sam");
        _coach.Review(_reply, _context);
    }

    [Benchmark]
    public EmpathyReview ReviewThousandCharsFiveMessages() => _coach.Review(_reply, _context);

    [Benchmark]
    public EmpathyReview ReviewCurtReply() => _coach.Review("Return it via the portal.", _context);
}
