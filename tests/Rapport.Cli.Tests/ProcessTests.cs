using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Rapport.Cli.Tests;

/// <summary>The built CLI run as a real process, with real stdin, stdout, stderr and signals.</summary>
public sealed class ProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Analyze_reads_redirected_stdin_and_writes_json_lines()
    {
        using var process = Start("analyze", "--json");
        await process.StandardInput.WriteAsync("This is the third time I'm writing and still nothing works\n\nThank you so much!\n");
        process.StandardInput.Close();

        var (stdout, stderr) = await FinishAsync(process);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal([1, 3], lines.Select(l => l.GetProperty("line").GetInt32()));
        Assert.Contains("gratitude", lines[1].GetProperty("labels").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Bad_input_exits_2_with_one_line_on_stderr()
    {
        using var process = Start("analyze", "--json");
        await process.StandardInput.BaseStream.WriteAsync("{\"text\": \"ok\"}\n{\"text\": oops}\n"u8.ToArray());
        process.StandardInput.Close();

        var (stdout, stderr) = await FinishAsync(process);

        Assert.Equal(2, process.ExitCode);
        Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("rapport: error: <stdin>:2: malformed JSON", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Train_reads_piped_replies_and_ends_with_the_score_card()
    {
        using var process = Start("train", "--scenario", "double-charge", "--seed", "3");
        await process.StandardInput.WriteAsync("Please check our FAQ.\nPlease check our FAQ.\nPlease check our FAQ.\n");
        process.StandardInput.Close();

        var (stdout, stderr) = await FinishAsync(process);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", stderr);
        Assert.DoesNotContain("\u001b[", stdout, StringComparison.Ordinal); // no ANSI codes in a pipe
        Assert.Contains("Training: Double charge", stdout, StringComparison.Ordinal);
        Assert.Contains("You › Please check our FAQ.", stdout, StringComparison.Ordinal);
        Assert.Contains("Score card", stdout, StringComparison.Ordinal);
        Assert.Contains("escalated to a manager", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_runs_keyboard_only_in_a_pseudo_terminal()
    {
        // script(1) from util-linux runs the CLI on a pseudo-terminal: stdin and stdout are a terminal, as for a person.
        if (OperatingSystem.IsWindows() || !File.Exists("/usr/bin/script"))
        {
            return;
        }

        var dll = Path.Combine(AppContext.BaseDirectory, "rapport.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo("/usr/bin/script")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-qfec", $"'{dotnet}' '{dll}' train --scenario double-charge --seed 3", "/dev/null"])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("NO_COLOR");
        start.Environment["TERM"] = "xterm-256color";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("script did not start");
        await process.StandardInput.WriteAsync("Hi Tom, I'm so sorry you were charged twice.\n/quit\n");
        await process.StandardInput.FlushAsync();

        var (stdout, _) = await FinishAsync(process);

        Assert.Equal(0, process.ExitCode);
        var text = string.Join(' ', System.Text.RegularExpressions.Regex.Replace(stdout, @"\u001b\[[0-9;?]*[A-Za-z]|\u001b[=>]", "")
            .Split([' ', '\r', '\n', '│'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\u001b[", stdout, StringComparison.Ordinal); // a terminal gets colour
        Assert.Contains("You ›", text, StringComparison.Ordinal); // the prompt; the terminal echoes the typed reply
        Assert.Contains("Hi Tom, I'm so sorry", text, StringComparison.Ordinal);
        Assert.Contains("score ", text, StringComparison.Ordinal);
        Assert.Contains("Score card", text, StringComparison.Ordinal);
        Assert.Contains("Turns 1 of 8", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_c_ends_a_training_session_waiting_for_a_reply()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // signals are sent with kill(1)
        }

        var signal = SigIntIgnored() ? "-TERM" : "-INT";
        using var process = Start("train", "--scenario", "late-delivery", "--seed", "1");
        // The customer's opening is flushed before the CLI waits for a reply on the open stdin.
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync().WaitAsync(Timeout)) is not null && !line.StartsWith("James", StringComparison.Ordinal))
        {
        }

        Assert.NotNull(line);
        var rest = process.StandardOutput.ReadToEndAsync();
        using (var kill = Process.Start("kill", [signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var stderr = await process.StandardError.ReadToEndAsync().WaitAsync(Timeout);
        await process.WaitForExitAsync().WaitAsync(Timeout);
        await rest;

        Assert.Equal(130, process.ExitCode);
        Assert.Equal("rapport: error: cancelled", stderr.Trim());
    }

    [Fact]
    public async Task Ctrl_c_cancels_cleanly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // signals are sent with kill(1)
        }

        // A process started with SIGINT ignored (e.g. a background job of a non-interactive shell) passes that on to
        // its children, which then rightly ignore Ctrl+C; SIGTERM takes the same cancellation path in the CLI.
        var signal = SigIntIgnored() ? "-TERM" : "-INT";

        using var process = Start("analyze", "--json");
        // A full batch comes back while stdin stays open: then the process is surely running its command.
        var batch = string.Concat(Enumerable.Repeat("my order is late again\n", 1_100));
        await process.StandardInput.WriteAsync(batch);
        await process.StandardInput.FlushAsync();
        Assert.NotNull(await process.StandardOutput.ReadLineAsync().WaitAsync(Timeout));
        var rest = process.StandardOutput.ReadToEndAsync(); // keep draining: a full pipe would block the CLI's writes

        using (var kill = Process.Start("kill", [signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var stderr = await process.StandardError.ReadToEndAsync().WaitAsync(Timeout);
        await process.WaitForExitAsync().WaitAsync(Timeout);
        await rest;

        Assert.Equal(130, process.ExitCode);
        Assert.Equal("rapport: error: cancelled", stderr.Trim());
    }

    private static bool SigIntIgnored()
    {
        var line = File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))
            : null;
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, null, out var mask)
            && (mask & 0x2) != 0; // bit 1: SIGINT (2)
    }

    private static Process Start(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "rapport.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("the CLI did not start");
    }

    private static async Task<(string Stdout, string Stderr)> FinishAsync(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Timeout);
        return (await stdout, await stderr);
    }
}
