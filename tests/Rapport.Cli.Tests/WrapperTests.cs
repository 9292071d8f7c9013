using System.Diagnostics;

namespace Rapport.Cli.Tests;

/// <summary>The repository's <c>rapport</c> bash wrapper, run with a stand-in for dotnet that prints what it was asked to do.</summary>
public sealed class WrapperTests
{
    private static string? FindWrapper()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "rapport");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Rapport.slnx")))
            {
                return candidate;
            }
        }

        return null;
    }

    [Fact]
    public async Task Serve_runs_the_server_project_in_Release_with_the_arguments_from_the_callers_directory()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // a bash script
        }

        var wrapper = FindWrapper();
        Assert.True(wrapper is not null, $"no ./rapport above {AppContext.BaseDirectory}");

        var folder = Directory.CreateTempSubdirectory("rapport-wrapper-tests-").FullName;
        try
        {
            // The stand-in dotnet prints its working directory and arguments, one per line.
            var fake = Path.Combine(folder, "fake-dotnet");
            await File.WriteAllTextAsync(fake, "#!/usr/bin/env bash\npwd\nprintf '%s\\n' \"$@\"\n");
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var start = new ProcessStartInfo("bash") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { wrapper, "serve", "--urls", "http://127.0.0.1:5999", "two words" })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["DOTNET_HOST_PATH"] = fake;
            using var process = Process.Start(start)!;
            var stdout = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

            Assert.Equal(0, process.ExitCode);
            var root = Path.GetDirectoryName(wrapper)!;
            Assert.Equal(
                [new DirectoryInfo(folder).FullName, "run", "--project", Path.Combine(root, "src", "Rapport.Server"), "-c", "Release", "--", "--urls", "http://127.0.0.1:5999", "two words"],
                stdout.TrimEnd('\n').Split('\n'));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
