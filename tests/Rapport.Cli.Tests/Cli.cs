using System.Text.Json;

namespace Rapport.Cli.Tests;

/// <summary>What a run of the CLI printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout's non-empty lines.</summary>
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Each stdout line parsed as JSON.</summary>
    public JsonElement[] JsonLines => [.. Lines.Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    /// <summary>Stdout parsed as one JSON document.</summary>
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement.Clone();
}

/// <summary>Runs the CLI in-process over string streams.</summary>
internal static class Cli
{
    public static async Task<CliResult> RunWithStdinAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, input, output, error, CancellationToken.None);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunWithStdinAsync("", args);

    /// <summary>Asserts exit code 0 and an empty stderr, showing stderr if not.</summary>
    public static void AssertSuccess(CliResult result)
    {
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}: {result.Stderr}");
        Assert.Equal("", result.Stderr);
    }

    /// <summary>Asserts the failure contract: exit 2, one stderr line "rapport: error: …" containing every fragment, no stack trace.</summary>
    public static void AssertBadInput(CliResult result, params string[] fragments)
    {
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("rapport: error: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, lines[0], StringComparison.Ordinal);
        }
    }
}

/// <summary>A temporary directory deleted with everything in it.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("rapport-cli-tests-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="content"/> as UTF-8 (no BOM) and returns the file's path.</summary>
    public string File(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, content, new System.Text.UTF8Encoding(false));
        return path;
    }

    /// <summary>Writes raw bytes and returns the file's path.</summary>
    public string File(string name, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp eventually.
        }
    }
}
