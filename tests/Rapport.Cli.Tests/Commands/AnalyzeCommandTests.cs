using System.Text;
using System.Text.Json;
using Rapport.Core.Emotions;

namespace Rapport.Cli.Tests.Commands;

public sealed class AnalyzeCommandTests
{
    private static readonly string[] ReadingFields =
    [
        "labels", "scores", "ekman", "sentiment", "goEmotions", "valence", "intensity", "escalationRisk", "language",
        "evidence", "signals", "truncated",
    ];

    [Fact]
    public async Task Text_argument_with_json_prints_one_object_with_every_field()
    {
        var result = await Cli.RunAsync("analyze", "--json", "This is the third time I'm writing and still nothing works");

        Cli.AssertSuccess(result);
        Assert.Equal("", result.Stderr);
        var reading = Assert.Single(result.JsonLines);
        foreach (var field in ReadingFields)
        {
            Assert.True(reading.TryGetProperty(field, out _), $"missing '{field}'");
        }

        var scores = reading.GetProperty("scores");
        foreach (var emotion in Enum.GetValues<SupportEmotion>())
        {
            var score = scores.GetProperty(emotion.Name()).GetDouble();
            Assert.InRange(score, 0, 1);
        }

        Assert.Contains("frustration", Strings(reading.GetProperty("labels")));
        Assert.InRange(reading.GetProperty("valence").GetDouble(), -1, 1);
        Assert.Equal("en", reading.GetProperty("language").GetString());
        Assert.False(reading.GetProperty("truncated").GetBoolean());
        Assert.False(reading.TryGetProperty("line", out _)); // an argument has no line
    }

    [Fact]
    public async Task Evidence_quotes_the_text_at_its_offsets()
    {
        const string text = "Great, just great. This is the third time I'm writing!";
        var result = await Cli.RunAsync("analyze", "--json", text);

        var evidence = Assert.Single(result.JsonLines).GetProperty("evidence");
        Assert.NotEqual(0, evidence.GetArrayLength());
        foreach (var item in evidence.EnumerateArray())
        {
            var start = item.GetProperty("start").GetInt32();
            var end = item.GetProperty("end").GetInt32();
            Assert.Equal(text[start..end], item.GetProperty("text").GetString());
            Assert.False(string.IsNullOrEmpty(item.GetProperty("label").GetString()));
            Assert.False(string.IsNullOrEmpty(item.GetProperty("cue").GetString()));
        }
    }

    [Fact]
    public async Task Plain_file_prints_one_object_per_non_blank_line_in_order_with_line_numbers()
    {
        using var temp = new TempDirectory();
        var path = temp.File("messages.txt", "Thank you so much, you saved my day!\n\nMy order is late AGAIN.\r\n   \nWhere is my refund???");

        var result = await Cli.RunAsync("analyze", "--input", path, "--json");

        Cli.AssertSuccess(result);
        var readings = result.JsonLines;
        Assert.Equal([1, 3, 5], readings.Select(r => r.GetProperty("line").GetInt32()));
        Assert.Contains("gratitude", Strings(readings[0].GetProperty("labels")));
        Assert.True(readings[1].GetProperty("valence").GetDouble() < 0);
    }

    [Fact]
    public async Task Json_lines_file_reads_the_text_field_and_echoes_the_id()
    {
        using var temp = new TempDirectory();
        var path = temp.File("messages.jsonl", """
            {"id": "a-1", "text": "I am so grateful, thank you!", "channel": {"kind": "email"}}
            {"text": "Why is this still broken? Cancel my account.", "id": 42}

            {"text": "ok"}
            """);

        var result = await Cli.RunAsync("analyze", "-i", path, "--json");

        Cli.AssertSuccess(result);
        var readings = result.JsonLines;
        Assert.Equal(3, readings.Length);
        Assert.Equal("a-1", readings[0].GetProperty("id").GetString());
        Assert.Equal(42, readings[1].GetProperty("id").GetInt32());
        Assert.False(readings[2].TryGetProperty("id", out _));
        Assert.Equal([1, 2, 4], readings.Select(r => r.GetProperty("line").GetInt32()));
        Assert.True(readings[1].GetProperty("escalationRisk").GetDouble() > readings[0].GetProperty("escalationRisk").GetDouble());
    }

    [Fact]
    public async Task Stdin_is_read_when_there_is_no_argument_and_no_input()
    {
        var result = await Cli.RunWithStdinAsync("I love this, thanks!\nThis is terrible and I am angry\n", "analyze", "--json");

        Cli.AssertSuccess(result);
        Assert.Equal([1, 2], result.JsonLines.Select(r => r.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task Dash_means_stdin()
    {
        var result = await Cli.RunWithStdinAsync("{\"text\": \"thanks a lot\"}\n", "analyze", "--input", "-", "--json");

        Cli.AssertSuccess(result);
        Assert.Single(result.JsonLines);
    }

    [Fact]
    public async Task Results_keep_input_order_across_many_batches()
    {
        // More lines than one batch, with distinct lengths, so that any reordering shows.
        var lines = Enumerable.Range(1, 2_500).Select(i => $"Message {i}: my order #{i} is late" + new string('!', i % 3)).ToArray();
        var result = await Cli.RunWithStdinAsync(string.Join('\n', lines), "analyze", "--json");

        Cli.AssertSuccess(result);
        var readings = result.JsonLines;
        Assert.Equal(lines.Length, readings.Length);
        for (var i = 0; i < readings.Length; i++)
        {
            Assert.Equal(i + 1, readings[i].GetProperty("line").GetInt32());
        }
    }

    [Fact]
    public async Task A_one_megabyte_message_is_analysed_and_reported_as_truncated()
    {
        var sentence = "I am really angry that my order is late again. ";
        var text = new StringBuilder().Insert(0, sentence, (1 << 20) / sentence.Length + 1).ToString();
        using var temp = new TempDirectory();
        var path = temp.File("big.txt", "short one\n" + text + "\nlast one\n");

        var result = await Cli.RunAsync("analyze", "--input", path, "--json");

        Cli.AssertSuccess(result);
        var readings = result.JsonLines;
        Assert.Equal(3, readings.Length);
        Assert.True(text.Length > EmotionAnalyzer.MaxAnalyzedLength);
        Assert.True(readings[1].GetProperty("truncated").GetBoolean());
        Assert.False(readings[2].GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task Without_json_one_message_is_shown_in_detail_without_colour_codes()
    {
        var result = await Cli.RunAsync("analyze", "I'm worried my card details were leaked");

        Cli.AssertSuccess(result);
        Assert.Contains("Labels", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Escalation risk", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("worry", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Stdout, StringComparison.Ordinal); // not a terminal: no ANSI
    }

    [Fact]
    public async Task Without_json_many_messages_are_shown_as_a_table()
    {
        var result = await Cli.RunWithStdinAsync("Thanks for the help!\nMy package never arrived.\n", "analyze");

        Cli.AssertSuccess(result);
        Assert.Contains("Thanks for the help!", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("My package never arrived.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Escalation", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_english_text_says_so()
    {
        var result = await Cli.RunAsync("analyze", "--json", "Mi pedido llegó dañado y lo necesito para el sábado, estoy muy molesto");

        var reading = Assert.Single(result.JsonLines);
        Assert.Equal("es", reading.GetProperty("language").GetString());
        Assert.False(reading.GetProperty("analyzed").GetBoolean());
    }

    [Fact]
    public async Task Help_works()
    {
        var result = await Cli.RunAsync("analyze", "--help");

        Cli.AssertSuccess(result);
        Assert.Contains("--input", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--json", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_goes_to_stderr_only_and_only_when_asked_for_a_redirected_stderr()
    {
        var input = string.Join('\n', Enumerable.Range(1, 6_000).Select(i => $"order {i} is late"));

        var quiet = await Cli.RunWithStdinAsync(input, "analyze", "--json");
        var shown = await Cli.RunWithStdinAsync(input, "analyze", "--json", "--progress");

        Assert.Equal("", quiet.Stderr);
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("analyze", shown.Stderr, StringComparison.Ordinal);
        Assert.Contains("6,000 done", shown.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", shown.Stderr, StringComparison.Ordinal); // not a terminal: plain lines
        Assert.Equal(quiet.Stdout, shown.Stdout);
    }

    [Fact]
    public async Task A_cancelled_run_exits_with_130_and_one_line()
    {
        using var input = new StringReader(string.Join('\n', Enumerable.Repeat("my order is late", 5_000)));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApp.RunAsync(["analyze", "--json"], input, output, error, new CancellationToken(canceled: true));

        Assert.Equal(ExitCodes.Cancelled, exitCode);
        Assert.Equal("rapport: error: cancelled", error.ToString().Trim());
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
