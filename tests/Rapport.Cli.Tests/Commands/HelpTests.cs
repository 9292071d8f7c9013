namespace Rapport.Cli.Tests.Commands;

public sealed class HelpTests
{
    [Theory]
    [InlineData("analyze", "--input")]
    [InlineData("review", "--reply")]
    [InlineData("compose", "--answer")]
    [InlineData("eval", "--goemotions")]
    [InlineData("bench", "--messages")]
    [InlineData("train", "--scenario")]
    public async Task Every_command_has_help(string command, string option)
    {
        var result = await Cli.RunAsync(command, "--help");

        Cli.AssertSuccess(result);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal); // the usage line names the host executable
        Assert.Contains($" {command} ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_arguments_shows_the_commands()
    {
        var result = await Cli.RunAsync();

        Cli.AssertSuccess(result);
        foreach (var command in new[] { "analyze", "review", "compose", "eval", "bench", "train", "./rapport serve" })
        {
            Assert.Contains(command, result.Stdout, StringComparison.Ordinal);
        }
    }
}
