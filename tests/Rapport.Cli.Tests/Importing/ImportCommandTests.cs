using System.Net;
using System.Net.Sockets;

namespace Rapport.Cli.Tests.Importing;

/// <summary>The import command's failures before and around the server (the end-to-end runs are in Rapport.Server.Tests).</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Sample() => _temp.File("data.jsonl", "{\"conversation\":\"1\",\"customer\":\"Dana\",\"author\":\"customer\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"channel\":\"email\",\"text\":\"Hi\"}\n");

    [Fact]
    public async Task Missing_file_is_bad_input() =>
        Cli.AssertBadInput(await Cli.RunAsync("import", Path.Combine(_temp.Path, "nope.jsonl"), "--key", "rpt_x_y"), "no such file");

    [Fact]
    public async Task Missing_key_is_bad_input()
    {
        var previous = Environment.GetEnvironmentVariable("RAPPORT_API_KEY");
        Environment.SetEnvironmentVariable("RAPPORT_API_KEY", null);
        try
        {
            Cli.AssertBadInput(await Cli.RunAsync("import", Sample()), "no API key", "RAPPORT_API_KEY");
        }
        finally
        {
            Environment.SetEnvironmentVariable("RAPPORT_API_KEY", previous);
        }
    }

    [Fact]
    public async Task Unknown_extension_asks_for_a_format() =>
        Cli.AssertBadInput(await Cli.RunAsync("import", _temp.File("data.txt", "x\n"), "--key", "rpt_x_y"), "--format");

    [Fact]
    public async Task Map_on_json_lines_is_bad_input() =>
        Cli.AssertBadInput(await Cli.RunAsync("import", Sample(), "--key", "rpt_x_y", "--map", "text=body"), "--map");

    [Fact]
    public async Task Bad_batch_and_server_are_bad_input()
    {
        Cli.AssertBadInput(await Cli.RunAsync("import", Sample(), "--key", "rpt_x_y", "--batch", "0"), "--batch");
        Cli.AssertBadInput(await Cli.RunAsync("import", Sample(), "--key", "rpt_x_y", "--server", "ftp://example.com"), "--server");
    }

    [Fact]
    public async Task Unreachable_server_is_bad_input_in_one_line()
    {
        // A port that was free a moment ago: nothing listens there.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await Cli.RunAsync("import", Sample(), "--key", "rpt_x_y", "--server", $"http://127.0.0.1:{port}");

        Cli.AssertBadInput(result, "cannot reach the server");
    }

    [Fact]
    public async Task Generate_is_deterministic_for_a_seed()
    {
        var a = Path.Combine(_temp.Path, "a.jsonl");
        var b = Path.Combine(_temp.Path, "b.jsonl");

        Assert.Equal(0, (await Cli.RunAsync("generate", a, "--messages", "500", "--seed", "3")).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync("generate", b, "--messages", "500", "--seed", "3")).ExitCode);

        var lines = await File.ReadAllLinesAsync(a);
        Assert.Equal(500, lines.Length);
        Assert.Equal(await File.ReadAllBytesAsync(a), await File.ReadAllBytesAsync(b));
        Assert.Contains(lines, l => l.Contains("\"author\":\"agent\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => !l.Contains("externalId", StringComparison.Ordinal));
    }
}
