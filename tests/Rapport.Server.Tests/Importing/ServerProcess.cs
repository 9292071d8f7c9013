using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Rapport.Server.Tests.Importing;

/// <summary>
/// The real server as a separate OS process (<c>dotnet Rapport.Server.dll</c> from the test's output folder) on
/// 127.0.0.1, port 0: the URL and, on a fresh database, the admin key are read from what it prints.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string?> _key = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private ServerProcess(Process process) => _process = process;

    public Uri Url { get; private set; } = null!;

    /// <summary>The admin key the server printed (only on a database without one).</summary>
    public string? PrintedKey { get; private set; }

    public static async Task<ServerProcess> StartAsync(TestDatabase database, string connectionString, params string[] extraArguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "Rapport.Server.dll"),
            "--urls", "http://127.0.0.1:0",
            "--Rapport:Database:Provider", database.ToString(),
            "--ConnectionStrings:Rapport", connectionString,
            "--Rapport:Database:SeedDemo", "false",
            "--Rapport:RateLimit:PermitLimit", "100000",
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Critical",
            .. extraArguments,
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var server = new ServerProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
        _ = server.DrainAsync(server._process.StandardOutput, parse: true);
        _ = server.DrainAsync(server._process.StandardError, parse: false);
        var ready = await Task.WhenAny(server._url.Task, Task.Delay(StartTimeout));
        if (ready != server._url.Task)
        {
            await server.DisposeAsync();
            throw new TimeoutException("The server process did not print its URL: " + server.Output);
        }

        server.Url = await server._url.Task;

        // The key line follows the URL line when there is one; the next line (or the end) says there is none.
        server.PrintedKey = await Task.WhenAny(server._key.Task, Task.Delay(TimeSpan.FromSeconds(2))) == server._key.Task ? await server._key.Task : null;
        return server;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, no disposing; what is on disk is all there is.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task DrainAsync(StreamReader reader, bool parse)
    {
        // Always read to the end: a full pipe would block the server's console writes.
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_output)
            {
                _output.Add(line);
            }

            if (!parse)
            {
                continue;
            }

            if (UrlLine().Match(line) is { Success: true } url)
            {
                _url.TrySetResult(new Uri(url.Groups[1].Value));
            }
            else if (KeyLine().Match(line) is { Success: true } key)
            {
                _key.TrySetResult(key.Groups[1].Value);
            }
        }

        _url.TrySetException(new InvalidOperationException("The server process ended: " + Output));
    }

    [GeneratedRegex(@"^Rapport desk: (http://\S+)", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex UrlLine();

    [GeneratedRegex(@"^Demo API key \(admin\): (rpt_\S+)", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex KeyLine();
}
