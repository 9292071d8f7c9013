using BenchmarkDotNet.Attributes;
using Rapport.Cli.Benchmarking;
using Rapport.Core.Emotions;

namespace Rapport.Benchmarks;

/// <summary>EmotionAnalyzer.Analyze on tweet-length customer messages (target: ≥ 100,000 per second on one core).</summary>
[MemoryDiagnoser]
public class AnalyzeBenchmarks
{
    private const int CorpusSize = 1_024;
    private readonly EmotionAnalyzer _analyzer = EmotionAnalyzer.Default;
    private string[] _corpus = [];

    /// <summary>A typical angry, repeat-contact tweet (104 characters).</summary>
    public string Tweet { get; } = "@ShopNow this is the third time I'm writing and STILL nothing works!! Cancel my account if it's not fixed.";

    [GlobalSetup]
    public void Setup()
    {
        _corpus = BenchCorpus.Messages(CorpusSize);
        _analyzer.Analyze(Tweet);
    }

    [Benchmark(Baseline = true)]
    public EmotionReading AnalyzeTweet() => _analyzer.Analyze(Tweet);

    /// <summary>The whole generated corpus: reported per operation, so divide by 1,024 for one message.</summary>
    [Benchmark(OperationsPerInvoke = CorpusSize)]
    public int AnalyzeCorpus()
    {
        var labels = 0;
        foreach (var message in _corpus)
        {
            labels += _analyzer.Analyze(message).Labels.Count;
        }

        return labels;
    }
}
