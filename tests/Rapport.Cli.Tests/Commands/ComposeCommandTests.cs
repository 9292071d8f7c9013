namespace Rapport.Cli.Tests.Commands;

public sealed class ComposeCommandTests
{
    private const string Customer = "My order arrived damaged and I need it for Saturday";
    private const string Answer = "Return it via the portal and we will ship a replacement today.";

    [Fact]
    public async Task Prints_a_reply_that_keeps_the_answer()
    {
        var result = await Cli.RunAsync("compose", "--customer", Customer, "--answer", Answer, "--name", "Maria");

        Cli.AssertSuccess(result);
        Assert.Contains(Answer, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Maria", result.Stdout, StringComparison.Ordinal);
        Assert.True(result.Stdout.Length > Answer.Length);
    }

    [Fact]
    public async Task Json_has_text_score_and_review()
    {
        var result = await Cli.RunAsync(
            "compose", "-c", Customer, "-a", Answer, "--alternative", "a full refund", "--follow-up", "by Friday", "--seed", "7", "--json");

        Cli.AssertSuccess(result);
        var reply = Assert.Single(result.JsonLines);
        Assert.Contains(Answer, reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        var score = reply.GetProperty("score").GetInt32();
        Assert.InRange(score, 0, 100);
        Assert.Equal(score, reply.GetProperty("review").GetProperty("score").GetInt32());
        Assert.NotEqual(0, reply.GetProperty("review").GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_reply()
    {
        var first = await Cli.RunAsync("compose", "-c", Customer, "-a", Answer, "--seed", "3");
        var second = await Cli.RunAsync("compose", "-c", Customer, "-a", Answer, "--seed", "3");

        Assert.Equal(first.Stdout, second.Stdout);
    }
}
