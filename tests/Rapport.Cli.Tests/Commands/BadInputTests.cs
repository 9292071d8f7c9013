namespace Rapport.Cli.Tests.Commands;

/// <summary>Every bad input ends with exit code 2 and one line naming the file and line; never a stack trace.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Malformed_json_line_names_file_and_line()
    {
        var path = _temp.File("data.jsonl", "{\"text\": \"fine\"}\n{\"text\": \"fine\"}\n{\"text\": \"broken\" \"x\": 1}\n");

        var result = await Cli.RunAsync("analyze", "--input", path, "--json");

        Cli.AssertBadInput(result, $"{path}:3: malformed JSON");
        Assert.Equal(2, result.Lines.Length); // the lines before the bad one were written
    }

    [Fact]
    public async Task Truncated_json_object_is_malformed()
    {
        var path = _temp.File("data.jsonl", "{\"text\": \"fine\"\n");

        Cli.AssertBadInput(await Cli.RunAsync("analyze", "--input", path, "--json"), $"{path}:1: malformed JSON");
    }

    [Fact]
    public async Task Json_line_without_text_names_the_field()
    {
        var path = _temp.File("data.jsonl", "{\"text\": \"fine\"}\n\n{\"message\": \"hi\"}\n");

        Cli.AssertBadInput(await Cli.RunAsync("analyze", "--input", path, "--json"), $"{path}:3:", "\"text\"");
    }

    [Fact]
    public async Task Json_line_with_a_non_string_text_is_rejected()
    {
        var path = _temp.File("data.jsonl", "{\"text\": 12}\n");

        Cli.AssertBadInput(await Cli.RunAsync("analyze", "--input", path), $"{path}:1:", "\"text\" must be a string");
    }

    [Fact]
    public async Task Json_line_that_is_not_an_object_is_rejected()
    {
        var path = _temp.File("data.jsonl", "{\"text\": \"ok\"}\n[\"text\"]\n");

        Cli.AssertBadInput(await Cli.RunAsync("analyze", "--input", path, "--json"), $"{path}:2:", "expected a JSON object");
    }

    [Fact]
    public async Task Invalid_utf8_names_its_line()
    {
        byte[] content = [.. "first line\nsecond line\n"u8, .. "caf"u8, 0xC3, 0x28, .. " au lait\n"u8];
        var path = _temp.File("latin1.txt", content);

        Cli.AssertBadInput(await Cli.RunAsync("analyze", "--input", path, "--json"), $"{path}:3:", "invalid UTF-8");
    }

    [Fact]
    public async Task Invalid_utf8_inside_a_json_string_names_its_line()
    {
        byte[] content = [.. "{\"text\": \"ok\"}\n{\"text\": \"bad \""u8, 0xFF, .. "\"}\n"u8];
        var path = _temp.File("bad.jsonl", content);

        Cli.AssertBadInput(await Cli.RunAsync("analyze", "--input", path, "--json"), $"{path}:2:", "invalid UTF-8");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n   \n")]
    public async Task Empty_input_is_an_error(string content)
    {
        var path = _temp.File("empty.txt", content);

        Cli.AssertBadInput(await Cli.RunAsync("analyze", "--input", path), $"{path}: empty input");
    }

    [Fact]
    public async Task Empty_stdin_is_an_error()
    {
        Cli.AssertBadInput(await Cli.RunWithStdinAsync("", "analyze", "--json"), "<stdin>: empty input");
    }

    [Fact]
    public async Task Missing_file_is_named()
    {
        var path = Path.Combine(_temp.Path, "nope.txt");

        Cli.AssertBadInput(await Cli.RunAsync("analyze", "--input", path), $"{path}: no such file");
    }

    [Fact]
    public async Task Directory_is_not_a_file()
    {
        Cli.AssertBadInput(await Cli.RunAsync("analyze", "--input", _temp.Path), _temp.Path, "is a directory");
    }

    [Theory]
    [InlineData("compose", "--customer", "x", "--answer", "y", "--seed", "abc")]
    [InlineData("bench", "--messages", "0")]
    [InlineData("bench", "--seconds", "soon")]
    [InlineData("review", "--customer", "x", "--reply", "y", "--at-fault", "maybe")]
    [InlineData("analyze", "--no-such-option")]
    [InlineData("frobnicate")]
    [InlineData("review", "--reply", "no customer")]
    [InlineData("compose", "--customer", "x")]
    [InlineData("eval")]
    [InlineData("analyze", "both", "--input", "file.txt")]
    public async Task Bad_usage_is_one_line_and_exit_code_2(params string[] args)
    {
        Cli.AssertBadInput(await Cli.RunAsync(args));
    }

    [Fact]
    public async Task Review_line_without_reply_names_the_field()
    {
        var path = _temp.File("cases.jsonl", "{\"customer\": \"my order is late\", \"reply\": \"Sorry!\"}\n{\"customer\": \"hello\"}\n");

        Cli.AssertBadInput(await Cli.RunAsync("review", "--input", path, "--json"), $"{path}:2:", "\"reply\"");
    }

    [Fact]
    public async Task Review_customer_of_the_wrong_type_is_rejected()
    {
        var path = _temp.File("cases.jsonl", "{\"customer\": [\"ok\", 3], \"reply\": \"Sorry!\"}\n");

        Cli.AssertBadInput(await Cli.RunAsync("review", "--input", path), $"{path}:1:", "\"customer\"");
    }

    [Fact]
    public async Task Review_input_that_is_plain_text_is_rejected()
    {
        var path = _temp.File("cases.txt", "my order is late\n");

        Cli.AssertBadInput(await Cli.RunAsync("review", "--input", path), $"{path}:1:", "JSON object");
    }

    [Fact]
    public async Task GoEmotions_label_id_out_of_range_names_the_line()
    {
        var path = _temp.File("go.tsv", "I love it\t17\tid1\nWhat?\t6,99\tid2\n");

        Cli.AssertBadInput(await Cli.RunAsync("eval", "--goemotions", path), $"{path}:2:", "'99'");
    }

    [Fact]
    public async Task GoEmotions_row_without_columns_names_the_line()
    {
        var path = _temp.File("go.tsv", "I love it\t17\tid1\njust text\n");

        Cli.AssertBadInput(await Cli.RunAsync("eval", "--goemotions", path), $"{path}:2:", "tab-separated");
    }

    [Fact]
    public async Task Vader_rating_that_is_not_a_number_names_the_line()
    {
        var path = _temp.File("vader.txt", "1\t2.5\tGreat movie\n2\tgood\tMeh\n");

        Cli.AssertBadInput(await Cli.RunAsync("eval", "--vader", path), $"{path}:2:", "rating");
    }

    [Fact]
    public async Task Epitome_bad_level_names_the_line_in_the_cli_style()
    {
        var path = _temp.File("epitome.csv", "seeker_post,response_post,ER_level,IP_level,EX_level\nI am sad,So sorry,1,0,0\nHelp,\"What happened?\",0,0,7\n");

        Cli.AssertBadInput(await Cli.RunAsync("eval", "--epitome", path), $"{path}:3:", "EX_level");
    }

    [Fact]
    public async Task Epitome_invalid_utf8_names_the_line()
    {
        byte[] content = [.. "seeker_post,response_post,ER_level,IP_level,EX_level\nI am sad,So sorry,1,0,0\nHelp,\"bad "u8, 0xFE, .. "\",0,0,0\n"u8];
        var path = _temp.File("epitome.csv", content);

        Cli.AssertBadInput(await Cli.RunAsync("eval", "--epitome", path), $"{path}:3:", "invalid UTF-8");
    }
}
