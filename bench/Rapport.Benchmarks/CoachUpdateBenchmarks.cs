using BenchmarkDotNet.Attributes;
using Rapport.Core.Coaching;
using Rapport.Server.Components.Workspace;

namespace Rapport.Benchmarks;

/// <summary>
/// The workspace's live coach update, the server's work per debounced keystroke: review the draft against the
/// conversation's context (loaded once per page) and build the checklist and highlights (target: p95 &lt; 20 ms).
/// Applying a suggestion adds <see cref="SuggestionApplier.Apply"/> and a second update.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(P95Config))]
public class CoachUpdateBenchmarks
{
    private readonly ReviewContext _context = new(
        ["I ordered a blender two weeks ago and it still hasn't arrived. The tracking hasn't moved in 6 days.",
         "This is the third time I'm writing and still nothing works. I want a refund NOW or I'm disputing the charge with my bank."],
        "James Carter",
        "Taylor Brooks");

    private string _draft = "";
    private PracticeFinding _acknowledge = null!;

    [GlobalSetup]
    public void Setup()
    {
        _draft = "Hi James, I'm sorry the blender still hasn't arrived. Return it via the portal and I'll refund you today.";
        _acknowledge = EmpathyCoach.Default.Review("Return it via the portal.", _context)[Practice.AcknowledgesFeeling];
    }

    [Benchmark]
    public int CoachUpdate() => CoachView.Of(EmpathyCoach.Default.Review(_draft, _context), 0).Findings.Count;

    [Benchmark]
    public int ApplySuggestionAndUpdate()
    {
        var draft = SuggestionApplier.Apply("Return it via the portal.", _acknowledge);
        return CoachView.Of(EmpathyCoach.Default.Review(draft, _context), 0).Findings.Count;
    }
}

/// <summary>Adds the 95th percentile, the figure the target is stated in.</summary>
internal sealed class P95Config : BenchmarkDotNet.Configs.ManualConfig
{
    public P95Config() => AddColumn(BenchmarkDotNet.Columns.StatisticColumn.P95);
}
