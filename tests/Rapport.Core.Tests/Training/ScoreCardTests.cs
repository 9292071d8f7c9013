using Rapport.Core.Coaching;
using Rapport.Core.Training;

namespace Rapport.Core.Tests.Training;

public sealed class ScoreCardTests
{
    private static Scenario Damaged => ScenarioLibrary.Default.Find("damaged-order-deadline")!;

    [Fact]
    public void ScoreCard_HasTheMeanScore_TheCurve_AndCounts()
    {
        var session = Play.Through(Damaged, 1, EmpatheticAgent.Reply);

        var card = session.ScoreCard();

        Assert.Equal(TrainingOutcome.Resolved, card.Outcome);
        Assert.Equal(session.Turns.Count, card.TurnsTaken);
        Assert.Equal((int)Math.Round(session.Turns.Average(t => t.Review.Score)), card.Empathy);
        Assert.Equal(session.Turns.Count + 1, card.Curve.Count);
        Assert.Equal(0, card.Curve[0].Turn);
        Assert.Equal(Damaged.Intensity, card.Curve[0].Intensity);
        Assert.Equal(card.ItemsTotal, card.ItemsCovered);
        Assert.Equal(Damaged.Facts.Count, card.FactsTotal);
    }

    [Fact]
    public void Best_practices_quote_the_agents_own_words()
    {
        var card = Play.Through(Damaged, 1, EmpatheticAgent.Reply).ScoreCard();

        Assert.InRange(card.Best.Count, 1, 3);
        foreach (var best in card.Best)
        {
            var reply = card.Turns[best.ExampleTurn - 1].AgentReply;
            Assert.Contains(best.Example.TrimEnd('…'), reply, StringComparison.Ordinal);
            Assert.Null(best.Advice);
        }
    }

    [Fact]
    public void Weakest_practices_quote_the_reply_and_give_advice_and_one_thing_to_practise()
    {
        var card = Play.Through(Damaged, 1, RoboticAgent.Reply).ScoreCard();

        Assert.Equal(3, card.Weakest.Count);
        Assert.All(card.Weakest, w => Assert.Contains("FAQ", w.Example, StringComparison.Ordinal));
        Assert.All(card.Weakest, w => Assert.False(string.IsNullOrWhiteSpace(w.Advice)));
        Assert.Equal(card.Weakest[0].Practice, card.FocusPractice);
        Assert.Contains(card.Weakest[0].Advice!, card.PractiseNext, StringComparison.Ordinal);
        Assert.True(card.Weakest[0].Applicable - card.Weakest[0].Met >= 1);
    }

    [Fact]
    public void ScoreCard_is_a_snapshot_of_the_session_so_far()
    {
        var session = TrainingSession.Start(Damaged, 1);
        session.Reply("Hi Maria, I'm sorry about the cake stand.");
        var card = session.ScoreCard();

        session.Reply("Hi Maria, I'll send a replacement today.");

        Assert.Single(card.Turns);
        Assert.Equal(1, card.TurnsTaken);
    }

    [Fact]
    public void ScoreCard_before_any_reply_is_empty_but_valid()
    {
        var card = TrainingSession.Start(Damaged, 1).ScoreCard();

        Assert.Equal(TrainingOutcome.InProgress, card.Outcome);
        Assert.Equal(0, card.TurnsTaken);
        Assert.Single(card.Curve);
        Assert.Empty(card.Best);
        Assert.Null(card.FocusPractice);
    }

    [Fact]
    public void Suggest_targets_the_weakest_practice_and_prefers_unplayed_scenarios()
    {
        var library = ScenarioLibrary.Default;
        var history = new[] { Play.Through(Damaged, 1, (s, t) => $"Hi {s.FirstName}, I'll send a replacement cake stand today ({t}).").ScoreCard() };

        var weakest = ScenarioSuggester.WeakestPractice(history);
        var suggestion = ScenarioSuggester.Suggest(history, library);

        Assert.NotNull(weakest);
        Assert.Equal(weakest, suggestion.Practice);
        Assert.Contains(weakest!.Value, suggestion.Scenario.Targets);
        Assert.NotEqual(Damaged.Id, suggestion.Scenario.Id);
        Assert.Contains(suggestion.Scenario.Title, suggestion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_without_history_picks_a_gentle_first_scenario()
    {
        var suggestion = ScenarioSuggester.Suggest([], ScenarioLibrary.Default);

        Assert.Null(suggestion.Practice);
        Assert.Equal(ScenarioLibrary.Default.Scenarios.Min(s => s.Intensity), suggestion.Scenario.Intensity);
    }

    [Fact]
    public void WeakestPractice_is_never_met_in_a_robotic_session()
    {
        var card = Play.Through(Damaged, 2, RoboticAgent.Reply).ScoreCard();

        var weakest = ScenarioSuggester.WeakestPractice([card]);

        Assert.NotNull(weakest);
        Assert.All(card.Turns, t => Assert.NotEqual(FindingStatus.Met, t.Review[weakest!.Value].Status));
        Assert.Contains(card.Turns, t => t.Review[weakest!.Value].Status == FindingStatus.Missed);
        Assert.Contains(card.Weakest, w => w.Practice == weakest);
    }
}
