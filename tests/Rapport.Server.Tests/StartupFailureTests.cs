using Microsoft.Data.Sqlite;

namespace Rapport.Server.Tests;

/// <summary>A wrong setting at start is reported in one line (Program prints it and exits 2), not as a stack trace.</summary>
public sealed class StartupFailureTests
{
    private static async Task<Exception> StartFailureAsync(params string[] args)
    {
        var app = RapportServer.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "None", .. args]);
        try
        {
            var exception = await Record.ExceptionAsync(async () =>
            {
                await app.InitializeAsync(CancellationToken.None);
                await app.StartAsync();
            });
            Assert.NotNull(exception);
            return exception;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_invalid_option_names_the_setting()
    {
        var folder = Directory.CreateTempSubdirectory("rapport-startup-");
        try
        {
            var exception = await StartFailureAsync("--ConnectionStrings:Rapport", $"Data Source={folder.FullName}/r.db", "--Rapport:RateLimit:PermitLimit", "0");

            var message = StartupFailure.Describe(exception);

            Assert.NotNull(message);
            Assert.StartsWith("invalid setting:", message, StringComparison.Ordinal);
            Assert.Contains("PermitLimit", message, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", message, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_unreachable_database_is_one_line()
    {
        var exception = await StartFailureAsync(
            "--Rapport:Database:Provider", "PostgreSql", "--ConnectionStrings:Rapport", "Host=127.0.0.1;Port=1;Database=nowhere;Timeout=2");

        var message = StartupFailure.Describe(exception);

        Assert.NotNull(message);
        Assert.StartsWith("the database could not be opened", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_is_one_line()
    {
        var exception = await StartFailureAsync("--ConnectionStrings:Rapport", "Colour=blue");

        Assert.StartsWith("invalid connection string:", StartupFailure.Describe(exception), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bug_keeps_its_stack_trace()
    {
        Assert.Null(StartupFailure.Describe(new FormatException("bad")));
        Assert.Null(StartupFailure.Describe(new InvalidOperationException("Sequence contains no elements")));
    }
}
