using Rapport.Core.Training;

namespace Rapport.Cli.Tests.Commands;

public sealed class TrainCommandTests
{
    private static readonly string[] EmpatheticReplies =
    [
        "Hi Maria, I'm so sorry your cake stand arrived cracked right before the party on Saturday. I can see how stressful this is. "
            + "Let me take care of this for you. Could you tell me the order number?",
        "Thank you, Maria, I understand how much this matters. I'll send a replacement cake stand by express courier so it arrives by Friday, "
            + "and you'll get the tracking link today. If there's anything else I can do, just reply to this message.",
    ];

    [Fact]
    public async Task A_piped_session_shows_the_conversation_per_turn_scores_and_the_score_card()
    {
        var result = await Cli.RunWithStdinAsync(string.Join('\n', EmpatheticReplies) + "\n", "train", "--scenario", "damaged-order-deadline", "--seed", "5");

        Cli.AssertSuccess(result);
        var expected = TrainingSession.Start(ScenarioLibrary.Default.Find("damaged-order-deadline")!, 5);
        var turns = EmpatheticReplies.Select(expected.Reply).ToList();
        var output = Flatten(result.Stdout);
        Assert.Contains("Training: Damaged order before a deadline", output, StringComparison.Ordinal);
        Assert.Contains("Maria Lopez", output, StringComparison.Ordinal);
        Assert.Contains(Flatten(expected.Opening), output, StringComparison.Ordinal);
        foreach (var (reply, turn) in EmpatheticReplies.Zip(turns))
        {
            Assert.Contains("You › " + Flatten(reply), output, StringComparison.Ordinal);
            Assert.Contains($"score {turn.Review.Score} · tip:", output, StringComparison.Ordinal);
            Assert.Contains("Maria's reaction: " + string.Join(", ", turn.Reaction.Effects), output, StringComparison.Ordinal);
            Assert.Contains(Flatten(turn.CustomerReply), output, StringComparison.Ordinal);
        }

        Assert.Contains("✓ found out: Order #48213, delivered Wednesday.", output, StringComparison.Ordinal);
        Assert.Contains("✓ resolution: send a replacement cake stand", output, StringComparison.Ordinal);
        Assert.Equal(TrainingOutcome.Resolved, expected.Outcome);
        Assert.Contains("Resolved: the customer is satisfied.", output, StringComparison.Ordinal);
        Assert.Contains("Score card", output, StringComparison.Ordinal);
        Assert.Contains($"Empathy {expected.ScoreCard().Empathy}/100", output, StringComparison.Ordinal);
        Assert.Contains("t0 ", output, StringComparison.Ordinal);
        Assert.Contains("t2 ", output, StringComparison.Ordinal);
        Assert.Contains("0.80 frustration", output, StringComparison.Ordinal);
        Assert.Contains("Best practices", output, StringComparison.Ordinal);
        Assert.Contains("Practise next", output, StringComparison.Ordinal);
        Assert.Contains("Next scenario:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_seed_and_replies_give_the_same_transcript()
    {
        var first = await Cli.RunWithStdinAsync("Please check our FAQ.\nI'm sorry, Maria.\n", "train", "-s", "late-delivery", "--seed", "9");
        var second = await Cli.RunWithStdinAsync("Please check our FAQ.\nI'm sorry, Maria.\n", "train", "-s", "late-delivery", "--seed", "9");

        Cli.AssertSuccess(first);
        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Fact]
    public async Task End_of_input_before_the_end_prints_the_score_card_so_far_and_exits_0()
    {
        var result = await Cli.RunWithStdinAsync("Hi Tom, I'm sorry you were charged twice.\n", "train", "--scenario", "double-charge", "--seed", "1");

        Cli.AssertSuccess(result);
        var output = Flatten(result.Stdout);
        Assert.Contains("input ended before the conversation did", output, StringComparison.Ordinal);
        Assert.Contains("Outcome unfinished", output, StringComparison.Ordinal);
        Assert.Contains("Turns 1 of 8", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quit_ends_the_session_with_the_score_card()
    {
        var result = await Cli.RunWithStdinAsync("\n/quit\nnever read\n", "train", "--scenario", "double-charge", "--seed", "1");

        Cli.AssertSuccess(result);
        Assert.Contains("Turns 0 of 8", Flatten(result.Stdout), StringComparison.Ordinal);
        Assert.DoesNotContain("never read", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_robotic_agent_is_escalated()
    {
        var result = await Cli.RunWithStdinAsync(string.Concat(Enumerable.Repeat("Please check our FAQ.\n", 8)), "train", "--scenario", "cancellation-threat", "--seed", "2");

        Cli.AssertSuccess(result);
        var output = Flatten(result.Stdout);
        Assert.Contains("Escalated: the customer insisted on a manager.", output, StringComparison.Ordinal);
        Assert.Contains("Weakest practices", output, StringComparison.Ordinal);
        Assert.Contains("\"Please check our FAQ.\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_shows_every_scenario()
    {
        var result = await Cli.RunAsync("train", "--list");

        Cli.AssertSuccess(result);
        Assert.All(ScenarioLibrary.Default.Scenarios, s => Assert.Contains(s.Id, result.Stdout, StringComparison.Ordinal));
        Assert.Contains($"{ScenarioLibrary.Default.Scenarios.Count} scenarios", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_scenario_the_seed_chooses_one()
    {
        var result = await Cli.RunAsync("train", "--seed", "4");

        Cli.AssertSuccess(result);
        var scenarios = ScenarioLibrary.Default.Scenarios;
        Assert.Contains($"--scenario {scenarios[4 % scenarios.Count].Id} --seed 4", Flatten(result.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_scenario_exits_2_with_one_line()
    {
        var result = await Cli.RunAsync("train", "--scenario", "no-such-thing");

        Cli.AssertBadInput(result, "unknown scenario 'no-such-thing'", "rapport train --list");
    }

    /// <summary>The output with table borders, line wrapping and runs of spaces removed, so that text can be searched.</summary>
    private static string Flatten(string text)
    {
        var cleaned = text.Replace("│", " ", StringComparison.Ordinal).Replace("╭", " ", StringComparison.Ordinal).ReplaceLineEndings(" ");
        return string.Join(' ', cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
