using System.Text.Json;
using Rapport.Core.Emotions;

namespace Rapport.Cli.Tests.Commands;

/// <summary>
/// Runs eval on tiny hand-made fixtures. Gold-side figures (rows, support, confusion row sums) are checked against
/// counts worked out by hand below; predicted-side figures against the analyzer called directly.
/// </summary>
public sealed class EvalCommandTests : IDisposable
{
    // Ids: 2 anger, 3 annoyance, 9 disappointment, 15 gratitude, 18 love, 27 neutral.
    private static readonly (string Text, string[] Ekman)[] GoRows =
    [
        ("I am furious about this!", ["anger"]),
        ("Thank you so much, I love it", ["joy"]),
        ("The meeting is at noon", ["neutral"]),
        ("So disappointed and annoyed", ["sadness", "anger"]),
    ];

    private static readonly string[] GoIds = ["2", "15,18", "27", "9,3"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task GoEmotions_counts_gold_by_hand_and_predictions_from_the_analyzer()
    {
        var path = _temp.File("go.tsv", string.Join('\n', GoRows.Select((row, i) => $"{row.Text}\t{GoIds[i]}\tid{i + 1}")));

        var result = await Cli.RunAsync("eval", "--goemotions", path, "--json");

        Cli.AssertSuccess(result);
        var go = Assert.Single(result.Json.GetProperty("goemotions").EnumerateArray());
        Assert.Equal(4, go.GetProperty("rows").GetInt32());

        var ekman = Labels(go.GetProperty("ekman"));
        // By hand: anger in rows 1 and 4; joy in 2; neutral in 3; sadness in 4.
        Assert.Equal(2, ekman["anger"].GetProperty("support").GetInt32());
        Assert.Equal(1, ekman["joy"].GetProperty("support").GetInt32());
        Assert.Equal(1, ekman["neutral"].GetProperty("support").GetInt32());
        Assert.Equal(1, ekman["sadness"].GetProperty("support").GetInt32());
        Assert.Equal(0, ekman["fear"].GetProperty("support").GetInt32());

        var sentiment = Labels(go.GetProperty("sentiment"));
        Assert.Equal(1, sentiment["positive"].GetProperty("support").GetInt32());
        Assert.Equal(2, sentiment["negative"].GetProperty("support").GetInt32());
        Assert.Equal(0, sentiment["ambiguous"].GetProperty("support").GetInt32());
        Assert.Equal(1, sentiment["neutral"].GetProperty("support").GetInt32());

        var fine = Labels(go.GetProperty("goEmotions"));
        Assert.Equal(28, fine.Count);
        foreach (var label in new[] { "anger", "annoyance", "disappointment", "gratitude", "love", "neutral" })
        {
            Assert.Equal(1, fine[label].GetProperty("support").GetInt32());
        }

        // Confusion rows are the gold first labels: anger (row 1), joy (2), neutral (3), sadness (4).
        var rowSums = go.GetProperty("ekman").GetProperty("confusion").EnumerateArray().Select(r => r.EnumerateArray().Sum(c => c.GetInt32())).ToArray();
        Assert.Equal([1, 0, 0, 1, 1, 0, 1], rowSums);

        // Predicted and true-positive counts agree with the analyzer; F1 and macro-F1 follow from them.
        var analyzer = EmotionAnalyzer.Default;
        var readings = GoRows.Select(r => analyzer.Analyze(r.Text).Ekman.Select(e => e.Name()).ToHashSet()).ToArray();
        var f1s = new List<double>();
        foreach (var (label, metrics) in ekman)
        {
            var predicted = readings.Count(r => r.Contains(label));
            var truePositives = GoRows.Where((row, i) => row.Ekman.Contains(label) && readings[i].Contains(label)).Count();
            var support = GoRows.Count(row => row.Ekman.Contains(label));
            Assert.Equal(predicted, metrics.GetProperty("predicted").GetInt32());
            var f1 = support + predicted == 0 ? 0 : 2.0 * truePositives / (support + predicted);
            Assert.Equal(f1, metrics.GetProperty("f1").GetDouble(), 3);
            if (support + predicted > 0)
            {
                f1s.Add(f1);
            }
        }

        Assert.Equal(f1s.Average(), go.GetProperty("ekman").GetProperty("macroF1").GetDouble(), 3);
    }

    [Fact]
    public async Task Vader_uses_the_documented_thresholds_and_pearson()
    {
        (string Text, double Rating)[] rows =
        [
            ("What a wonderful, delightful film", 2.5),
            ("A dreadful, boring mess", -3.0),
            ("The film is ninety minutes long", 0.1), // 0.1 / 4 = 0.025: neutral
            ("It has actors in it", 0.2),             // 0.2 / 4 = 0.05: positive (the threshold is inclusive)
            ("It was released on a Tuesday", -0.2),   // -0.05: negative
        ];
        var path = _temp.File("vader.txt", string.Join("\r\n", rows.Select((r, i) => FormattableString.Invariant($"{i + 1}\t{r.Rating}\t{r.Text}"))));

        var result = await Cli.RunAsync("eval", "--vader", path, "--json");

        Cli.AssertSuccess(result);
        var vader = Assert.Single(result.Json.GetProperty("vader").EnumerateArray());
        Assert.Equal(5, vader.GetProperty("rows").GetInt32());
        var polarity = Labels(vader.GetProperty("polarity"));
        Assert.Equal(2, polarity["positive"].GetProperty("support").GetInt32());
        Assert.Equal(2, polarity["negative"].GetProperty("support").GetInt32());
        Assert.Equal(1, polarity["neutral"].GetProperty("support").GetInt32());

        // Pearson's r, the two-pass textbook way, from the analyzer's valences.
        var x = rows.Select(r => EmotionAnalyzer.Default.Analyze(r.Text).Valence).ToArray();
        var y = rows.Select(r => r.Rating).ToArray();
        double mx = x.Average(), my = y.Average();
        var cov = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        var r = cov / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
        Assert.Equal(r, vader.GetProperty("pearson").GetDouble(), 3);
    }

    [Fact]
    public async Task Epitome_reports_each_mechanism_from_the_evaluators_confusion()
    {
        var path = _temp.File("epitome.csv", """
            sp_id,rp_id,seeker_post,response_post,ER_level,IP_level,EX_level,suggested_split
            a,b,I feel so alone lately,"I'm so sorry, that sounds really hard.",1,0,0,train
            c,d,Nobody understands me,"I understand how isolating that must feel, I've been there too.",0,2,0,train
            e,f,My dog died yesterday,"Oh no, I am so sorry for your loss. What was his name?",2,0,1,dev
            g,h,I failed my exam,"What happened during the exam? Did something in particular go wrong?",0,0,2,dev
            """);

        var result = await Cli.RunAsync("eval", "--epitome", path, "--json");

        Cli.AssertSuccess(result);
        var epitome = Assert.Single(result.Json.GetProperty("epitome").EnumerateArray());
        Assert.Equal(4, epitome.GetProperty("rows").GetInt32());
        // By hand: ER levels 1,0,2,0; IP 0,2,0,0; EX 0,0,1,2.
        Assert.Equal([2, 1, 1], Supports(epitome.GetProperty("emotionalReactions")));
        Assert.Equal([3, 0, 1], Supports(epitome.GetProperty("interpretations")));
        Assert.Equal([2, 1, 1], Supports(epitome.GetProperty("explorations")));
        foreach (var mechanism in new[] { "emotionalReactions", "interpretations", "explorations" })
        {
            var report = epitome.GetProperty(mechanism);
            var confusion = report.GetProperty("confusion").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
            var correct = confusion[0][0] + confusion[1][1] + confusion[2][2];
            Assert.Equal(correct / 4.0, report.GetProperty("accuracy").GetDouble(), 3);
        }
    }

    [Fact]
    public async Task Several_sets_at_once_print_a_readable_summary()
    {
        var go = _temp.File("go.tsv", "Thank you so much!\t15\tid1\nThis is awful\t2\tid2\n");
        var vader = _temp.File("vader.txt", "1\t3.1\tBrilliant and moving\n2\t-2.4\tTerrible\n");

        var result = await Cli.RunAsync("eval", "--goemotions", go, "--vader", vader);

        Cli.AssertSuccess(result);
        Assert.Contains("Summary", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("GoEmotions Ekman macro-F1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("VADER Pearson r", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custom_label_names_are_used_for_the_ids()
    {
        var labels = _temp.File("labels.txt", "gratitude\nanger\n");
        var go = _temp.File("go.tsv", "Thank you so much!\t0\tid1\nThis is awful\t1\tid2\n");

        var result = await Cli.RunAsync("eval", "--goemotions", go, "--goemotions-labels", labels, "--json");

        Cli.AssertSuccess(result);
        var fine = Labels(Assert.Single(result.Json.GetProperty("goemotions").EnumerateArray()).GetProperty("goEmotions"));
        Assert.Equal(["gratitude", "anger"], fine.Keys);
    }

    private static Dictionary<string, JsonElement> Labels(JsonElement report) =>
        report.GetProperty("labels").EnumerateArray().ToDictionary(l => l.GetProperty("label").GetString()!, l => l);

    private static int[] Supports(JsonElement report) =>
        [.. report.GetProperty("labels").EnumerateArray().Select(l => l.GetProperty("support").GetInt32())];
}
