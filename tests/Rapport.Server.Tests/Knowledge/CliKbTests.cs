using Rapport.Cli;

namespace Rapport.Server.Tests.Knowledge;

/// <summary><c>rapport kb import</c> and <c>rapport kb eval</c> (in-process) against the real server.</summary>
public abstract class CliKbTests(ServerFixture server) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-cli-kb-").FullName;
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(
            ["kb", .. args, "--server", server.BaseAddress.ToString(), "--key", server.AdminKey], TextReader.Null, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task A_folder_imports_is_searchable_and_a_rerun_changes_only_what_changed()
    {
        Write($"walrus-{_run}.md", $"# Walrus {_run} feeding\n\nWalruses eat clams at dawn.\n");
        Write($"b-{_run}.md", $"---\ntitle: Narwhal {_run} tusks\nslug: narwhal-{_run}\ntags: [Arctic, whales]\n---\nA narwhal's tusk is a tooth.\n");
        Write("notes.txt", "not an article");

        var first = await RunAsync("import", _folder);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("imported 2 articles", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 created, 0 updated, 0 unchanged", first.Stdout, StringComparison.Ordinal);
        var search = await server.GetJsonAsync($"/api/v1/knowledge/search?q=narwhal+{_run}+tooth");
        var hit = search.GetProperty("results")[0].GetProperty("article");
        Assert.Equal($"narwhal-{_run}", hit.GetProperty("slug").GetString());
        Assert.Equal(["arctic", "whales"], hit.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal($"Narwhal {_run} tusks", hit.GetProperty("title").GetString());

        var again = await RunAsync("import", _folder);
        Assert.Contains("0 created, 0 updated, 2 unchanged", again.Stdout, StringComparison.Ordinal);

        Write($"walrus-{_run}.md", $"# Walrus {_run} feeding\n\nWalruses eat clams and snails at dawn.\n");
        var changed = await RunAsync("import", _folder);
        Assert.Contains("0 created, 1 updated, 1 unchanged", changed.Stdout, StringComparison.Ordinal);
        Assert.Equal("", changed.Stderr);
    }

    [Fact]
    public async Task A_missing_folder_is_exit_code_2_in_one_line()
    {
        var missing = Path.Combine(_folder, "nope");

        var result = await RunAsync("import", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"rapport: error: {missing}: no such directory", result.Stderr.Trim());
    }

    [Theory]
    [InlineData("---\ntitle: T\nauthor: me\n---\nBody\n", 3, "unknown front matter key 'author'")]
    [InlineData("---\ntitle: T\n\nBody without a closing line\n", 1, "no closing '---'")]
    [InlineData("Just text, no heading.\n", 1, "no title")]
    [InlineData("---\ntitle: T\nslug: Bad Slug\n---\nBody\n", 3, "slug 'Bad Slug'")]
    [InlineData("# Title only\n", 1, "no body")]
    public async Task An_invalid_file_is_exit_code_2_naming_file_and_line_and_nothing_is_sent(string text, int line, string message)
    {
        Write($"good-{_run}.md", $"# Good {_run}\n\nFine.\n");
        var bad = Write("zz-bad.md", text);

        var result = await RunAsync("import", _folder);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"rapport: error: {bad}:{line}: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        var search = await server.GetJsonAsync($"/api/v1/knowledge/search?q=good+{_run}");
        Assert.DoesNotContain(search.GetProperty("results").EnumerateArray(), r => r.GetProperty("article").GetProperty("slug").GetString() == $"good-{_run}");
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_names_its_line()
    {
        var path = Path.Combine(_folder, "latin1.md");
        await File.WriteAllBytesAsync(path, [.. "# Caf"u8, .. "\n\nline two\nna"u8, 0xEF, .. "ve\n"u8]);

        var result = await RunAsync("import", _folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"rapport: error: {path}:4: not valid UTF-8 (save the file as UTF-8)", result.Stderr.Trim());
    }

    [Fact]
    public async Task Eval_reports_top1_and_top3_accuracy_and_misses()
    {
        Write($"otter-{_run}.md", $"# Otter {_run} dens\n\nOtters sleep in holts by the river.\n");
        Assert.Equal(0, (await RunAsync("import", _folder)).ExitCode);
        var questions = Write("q.tsv", $"# test\nslug\tquestion\notter-{_run}\twhere do otter {_run} sleep?\notter-{_run}\tzeppelin xylophone\n");

        var result = await RunAsync("eval", questions, "--misses");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"{questions}: 2 questions: top-1 1 (50.0 %), top-3 1 (50.0 %)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{questions}:4: expected otter-{_run}, got nothing", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("misses by article: 1 of 1 articles missed at least once", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"  otter-{_run}: 1 of 2 (first result: nothing)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_needs_either_a_file_or_a_named_set()
    {
        var neither = await RunAsync("eval");
        var both = await RunAsync("eval", "q.tsv", "--set", "heldout");
        var unknown = await RunAsync("eval", "--set", "secret");

        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("give either a FILE or --set tuning|heldout", neither.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, both.ExitCode);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("secret", unknown.Stderr, StringComparison.Ordinal);
    }
}

public sealed class CliKbTestsOnSqlite(EmptyDeskFixture server) : CliKbTests(server), IClassFixture<EmptyDeskFixture>;

public sealed class CliKbTestsOnPostgreSql(EmptyDeskPostgreSqlFixture server) : CliKbTests(server), IClassFixture<EmptyDeskPostgreSqlFixture>;
