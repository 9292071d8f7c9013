namespace Rapport.Cli.Tests.Commands;

/// <summary>Bench runs and reports positive figures; speed itself is for benchmarks, never asserted here.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task A_tiny_bench_reports_positive_numbers()
    {
        var result = await Cli.RunAsync("bench", "--messages", "40", "--seconds", "0.05", "--json");

        Cli.AssertSuccess(result);
        var report = result.Json;
        Assert.Equal(40, report.GetProperty("messages").GetInt32());
        foreach (var name in new[] { "analyze", "review", "compose" })
        {
            var stats = report.GetProperty(name);
            Assert.True(stats.GetProperty("calls").GetInt64() > 0, name);
            Assert.True(stats.GetProperty("perSecond").GetDouble() > 0, name);
            Assert.True(stats.GetProperty("p50Microseconds").GetDouble() > 0, name);
            Assert.True(stats.GetProperty("p99Microseconds").GetDouble() >= stats.GetProperty("p50Microseconds").GetDouble(), name);
            Assert.True(stats.GetProperty("bytesPerCall").GetDouble() > 0, name);
        }

        Assert.True(report.GetProperty("analyze").GetProperty("calls").GetInt64() >= 40); // at least one pass
        Assert.True(report.GetProperty("analyzeAllCores").GetProperty("perSecond").GetDouble() > 0);
        Assert.InRange(report.GetProperty("replyLength").GetInt32(), 950, 1000);
        Assert.Equal(5, report.GetProperty("contextMessages").GetInt32());
    }

    [Fact]
    public async Task Human_output_is_a_table()
    {
        var result = await Cli.RunAsync("bench", "--messages", "10", "--seconds", "0.02");

        Cli.AssertSuccess(result);
        Assert.Contains("analyze, 1 thread", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("p99 µs", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_corpus_writes_the_generated_messages()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "corpus.txt");

        var result = await Cli.RunAsync("bench", "--messages", "25", "--write-corpus", path);

        Cli.AssertSuccess(result);
        Assert.Equal(Rapport.Cli.Benchmarking.BenchCorpus.Messages(25), File.ReadAllLines(path));
    }
}
