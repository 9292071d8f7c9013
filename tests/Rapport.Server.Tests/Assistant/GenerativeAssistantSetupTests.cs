using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Desk.Assistant;

namespace Rapport.Server.Tests.Assistant;

/// <summary>The generative model is off unless enabled, and enabling it without an endpoint stops the server with one line.</summary>
public sealed class GenerativeAssistantSetupTests
{
    private static async Task<T> WithAppAsync<T>(string[] args, Func<WebApplication, Task<T>> use)
    {
        var app = RapportServer.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "None", .. args]);
        try
        {
            return await use(app);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task By_default_no_refiner_is_registered()
    {
        var refiner = await WithAppAsync([], app => Task.FromResult(app.Services.GetService<IAssistantReplyRefiner>()));

        Assert.Null(refiner);
    }

    [Fact]
    public async Task Enabled_with_an_endpoint_registers_the_generative_refiner()
    {
        var refiner = await WithAppAsync(
            ["--Rapport:Assistant:Generative:Enabled", "true", "--Rapport:Assistant:Generative:Endpoint", "http://127.0.0.1:9/v1", "--Rapport:Assistant:Generative:Model", "m"],
            app => Task.FromResult(app.Services.GetService<IAssistantReplyRefiner>()));

        Assert.IsType<GenerativeReplyRefiner>(refiner);
    }

    [Theory]
    [InlineData(new[] { "--Rapport:Assistant:Generative:Model", "m" }, "Endpoint is required")]
    [InlineData(new[] { "--Rapport:Assistant:Generative:Model", "m", "--Rapport:Assistant:Generative:Endpoint", "ftp://models.local/v1" }, "Endpoint must be an absolute http or https URL")]
    [InlineData(new[] { "--Rapport:Assistant:Generative:Endpoint", "http://127.0.0.1:9/v1" }, "Model is required")]
    public async Task Enabled_with_a_missing_or_wrong_setting_refuses_to_start_with_one_line(string[] settings, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("rapport-generative-");
        try
        {
            var exception = await WithAppAsync(
                ["--ConnectionStrings:Rapport", $"Data Source={folder.FullName}/r.db", "--Rapport:Assistant:Generative:Enabled", "true", .. settings],
                async app => await Record.ExceptionAsync(async () =>
                {
                    await app.InitializeAsync(CancellationToken.None);
                    await app.StartAsync();
                    await app.StopAsync();
                }));

            var message = StartupFailure.Describe(Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(exception));

            Assert.NotNull(message);
            Assert.StartsWith("invalid setting:", message, StringComparison.Ordinal);
            Assert.Contains(expected, message, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", message, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
