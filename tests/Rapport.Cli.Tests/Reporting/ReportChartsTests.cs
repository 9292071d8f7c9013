using Rapport.Cli.Reporting;

namespace Rapport.Cli.Tests.Reporting;

/// <summary>The charts drawn from a made-up overview: every path (placed agents, both consistency readings, empty data).</summary>
public sealed class ReportChartsTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static AgentJson Agent(long id, string name, double empathy, double? minutes, string? quadrant) =>
        new(id, name, 1, "Billing", 40, empathy, empathy + 3, 8, 10, minutes, 30, quadrant is null ? null : "q", quadrant);

    internal static OverviewJson Full()
    {
        var monday = new DateOnly(2026, 3, 2);
        return new OverviewJson(
            monday, monday.AddDays(20), 160, 71.5, new ConsistencyJson(4, 9.5, 58, 84, 62), new ConsistencyJson(21, 4.1, 64, 79, 83.6),
            [Agent(1, "Ada", 84, 240, "Efficient and warm"), Agent(2, "Ben", 78, 900, "Slow and warm"), Agent(3, "Cy", 58, 200, "Efficient but cold"), Agent(4, "Di", 62, 1400, "Slow and cold"), Agent(5, "Ed", 70, null, null)],
            [new GroupJson("1", "Billing", 160, 71.5, 72)], [new GroupJson("email", "Email", 160, 71.5, 72)],
            [new WeekJson(monday, 50, 68), new WeekJson(monday.AddDays(7), 60, 72.4), new WeekJson(monday.AddDays(14), 50, 74)],
            [new GroupJson("calm", "Calm", 100, 74, 73)],
            [
                new EmotionWeekJson(monday, new Dictionary<string, int> { ["anger"] = 4, ["neutral"] = 10, ["gratitude"] = 3 }),
                new EmotionWeekJson(monday.AddDays(7), new Dictionary<string, int> { ["frustration"] = 6, ["neutral"] = 12, ["awe"] = 1 }),
            ],
            [new ResponseWeekJson(monday, 20, 42, 0.7, 15, 600, 0.6), new ResponseWeekJson(monday.AddDays(7), 25, 35.5, 0.8, 18, 480, 0.7)],
            new PromisesJson(12, 8, 1, 3, 0.727, [new PromiseGroupJson("1", "Ana", 7, 6, 0, 1, 0.857), new PromiseGroupJson("2", "Ben", 5, 2, 1, 2, 0.5)], []));
    }

    [Fact]
    public void Draw_FullOverview_SevenDistinctPngsWithAltText()
    {
        var charts = ReportCharts.Draw(Full());

        Assert.Equal(["empathy-by-week", "empathy-by-agent", "consistency", "empathy-vs-resolution", "emotion-mix", "response-times", "promises-kept"], charts.Select(c => c.Id));
        foreach (var chart in charts)
        {
            Assert.Equal(PngSignature, chart.Png[..8]);
            Assert.True(chart.Png.Length > 15_000, $"{chart.Id}: {chart.Png.Length} bytes");
            Assert.DoesNotContain("no ", chart.Alt, StringComparison.Ordinal);
        }

        Assert.Equal(charts.Count, charts.Select(c => Convert.ToBase64String(c.Png)).Distinct().Count());
        Assert.Contains("1 efficient and warm, 1 slow and warm, 1 efficient but cold, 1 slow and cold", charts[3].Alt, StringComparison.Ordinal);
        Assert.Contains("across agents 62", charts[2].Alt, StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("RAPPORT_REPORT_KEEP_CHARTS") is { Length: > 0 } folder)
        {
            foreach (var chart in charts)
            {
                File.WriteAllBytes(Path.Combine(folder, chart.Id + ".png"), chart.Png);
            }
        }
    }

    [Fact]
    public void Draw_EmptyOverview_StillSevenPngsThatSayNoData()
    {
        var empty = new OverviewJson(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8), 0, 0, null, null, [], [], [], [], [], [], []);

        var charts = ReportCharts.Draw(empty);

        Assert.Equal(7, charts.Count);
        Assert.All(charts, c => Assert.Equal(PngSignature, c.Png[..8]));
        Assert.All(charts, c => Assert.Matches("no |not enough|nothing", c.Alt));
    }

    [Fact]
    public void EmotionLabels_WorkspaceOrderThenOthers() =>
        Assert.Equal(["anger", "frustration", "gratitude", "neutral", "awe"], ReportCharts.EmotionLabels(Full()));
}
