using Rapport.Cli;

namespace Rapport.Server.Tests.Importing;

/// <summary><c>rapport import</c> (in-process) against the real server: chunks, line numbers, the rejected file, exit codes.</summary>
public abstract class CliImportTests(ServerFixture server) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-cli-import-").FullName;
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
            ["import", .. args, "--server", server.BaseAddress.ToString(), "--key", server.AdminKey], TextReader.Null, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Csv_file_in_small_chunks_imports_maps_rejected_lines_to_the_file_and_is_idempotent()
    {
        var path = Path.Combine(_folder, "tickets.csv");
        var rejected = Path.Combine(_folder, "rejected.csv");
        var rows = new List<string> { "id,ticket,who,role,at,via,body" };
        for (var i = 0; i < 7; i++)
        {
            var body = i == 2 ? "\"My order, the blue one,\nstill hasn't arrived\"" : $"Message {i} about my refund";
            var role = i == 5 ? "robot" : i % 2 == 0 ? "customer" : "agent";
            rows.Add($"{_run}-{i},{_run}-T{i / 3},Ada {_run},{role},2026-03-0{i + 1}T10:00:00Z,email,{body}");
        }

        await File.WriteAllTextAsync(path, string.Join("\r\n", rows) + "\r\n");
        const string Map = "externalId=id,conversation=ticket,customer=who,author=role,timestamp=at,channel=via,text=body";

        var first = await RunAsync(path, "--map", Map, "--batch", "2", "--rejected", rejected);

        Assert.Equal(1, first.ExitCode);
        Assert.Contains("imported 6 messages, 0 duplicates, 1 rejected", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("created 3 conversations and 1 customers", first.Stdout, StringComparison.Ordinal);

        // March's customers still wait (each conversation ends with theirs): clocks already breached, summed over the
        // chunks. Each chunk is judged as it arrives: T0 and T1 end a chunk with the agent's reply (a quiet timer each),
        // which the next chunk's customer message cancels.
        Assert.Contains("started 3 SLA clocks (3 already breached), 0 promises and 2 quiet-customer follow-ups", first.Stdout, StringComparison.Ordinal);

        // Line 1 is the header and record 2 spans lines 4-5, so the robot (record 5) starts on file line 8.
        Assert.Contains($"{path}:8: 'robot' is not a valid author", first.Stderr, StringComparison.Ordinal);
        var report = await File.ReadAllLinesAsync(rejected);
        Assert.Equal("line,reason", report[0]);
        Assert.StartsWith("8,", report[1], StringComparison.Ordinal);

        var again = await RunAsync(path, "--map", Map, "--batch", "3");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("imported 0 messages, 6 duplicates, 1 rejected", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("started 0 SLA clocks (0 already breached), 0 promises and 0 quiet-customer follow-ups", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_lines_file_imports_with_exit_code_0()
    {
        var path = Path.Combine(_folder, "messages.jsonl");
        await File.WriteAllTextAsync(path, string.Join('\n', Enumerable.Range(0, 5).Select(i =>
            $"{{\"conversation\":\"{_run}-J\",\"customer\":\"Bo\",\"author\":\"{(i % 2 == 0 ? "customer" : "agent")}\",\"timestamp\":\"2026-04-01T10:0{i}:00Z\",\"channel\":\"chat\",\"text\":\"Message {i}\"}}")));

        var result = await RunAsync(path, "--batch", "2");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("imported 5 messages", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Refused_key_is_exit_code_2_in_one_line()
    {
        var path = Path.Combine(_folder, "one.jsonl");
        await File.WriteAllTextAsync(path, "{}\n");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApp.RunAsync(
            ["import", path, "--server", server.BaseAddress.ToString(), "--key", "rpt_nothing_here"], TextReader.Null, output, error, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("rapport: error: the server refused the API key (401)", error.ToString(), StringComparison.Ordinal);
    }
}

public sealed class CliImportTestsOnSqlite(EmptyDeskFixture server) : CliImportTests(server), IClassFixture<EmptyDeskFixture>;

public sealed class CliImportTestsOnPostgreSql(EmptyDeskPostgreSqlFixture server) : CliImportTests(server), IClassFixture<EmptyDeskPostgreSqlFixture>;
