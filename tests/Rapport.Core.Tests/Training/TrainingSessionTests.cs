using Rapport.Core.Training;

namespace Rapport.Core.Tests.Training;

public sealed class TrainingSessionTests
{
    public static TheoryData<string> ScenarioIds => [.. ScenarioLibrary.Default.Scenarios.Select(s => s.Id)];

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void An_empathetic_agent_resolves_the_scenario_within_its_turn_limit_and_scores_at_least_80(string id)
    {
        var scenario = ScenarioLibrary.Default.Find(id)!;
        foreach (var seed in (int[])[1, 2, 3])
        {
            var session = Play.Through(scenario, seed, EmpatheticAgent.Reply);
            var card = session.ScoreCard();

            Assert.True(card.Outcome == TrainingOutcome.Resolved, $"seed {seed}\n{Play.Transcript(session)}");
            Assert.InRange(card.TurnsTaken, 1, scenario.TurnLimit);
            Assert.True(card.Empathy >= 80, $"seed {seed}: empathy {card.Empathy}\n{Play.Transcript(session)}");
            Assert.Equal(card.ItemsTotal, card.ItemsCovered);
            Assert.True(card.Curve[^1].Intensity < card.Curve[0].Intensity || card.Curve[0].Intensity <= scenario.CalmAt);
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void A_robotic_agent_escalates_or_loses_the_customer_and_scores_at_most_40(string id)
    {
        var scenario = ScenarioLibrary.Default.Find(id)!;
        foreach (var seed in (int[])[1, 2, 3])
        {
            var session = Play.Through(scenario, seed, RoboticAgent.Reply);
            var card = session.ScoreCard();

            Assert.True(card.Outcome is TrainingOutcome.Escalated or TrainingOutcome.Abandoned, $"seed {seed}\n{Play.Transcript(session)}");
            Assert.True(card.Empathy <= 40, $"seed {seed}: empathy {card.Empathy}");
            Assert.True(card.Curve[^1].Intensity > card.Curve[0].Intensity);
            Assert.NotNull(card.FocusPractice);
        }
    }

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void The_same_seed_gives_the_same_conversation(string id)
    {
        var scenario = ScenarioLibrary.Default.Find(id)!;
        var first = Play.Transcript(Play.Through(scenario, 42, EmpatheticAgent.Reply));
        var second = Play.Transcript(Play.Through(scenario, 42, EmpatheticAgent.Reply));

        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void Different_seeds_give_different_phrasings(string id)
    {
        var scenario = ScenarioLibrary.Default.Find(id)!;
        var transcripts = Enumerable.Range(1, 4)
            .Select(seed => Play.Transcript(Play.Through(scenario, seed, RoboticAgent.Reply)) + Play.Transcript(Play.Through(scenario, seed, EmpatheticAgent.Reply)))
            .ToHashSet();

        Assert.True(transcripts.Count >= 3, $"only {transcripts.Count} different conversations from 4 seeds");
    }

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void The_customer_never_repeats_a_sentence_in_a_session(string id)
    {
        var scenario = ScenarioLibrary.Default.Find(id)!;
        foreach (var seed in Enumerable.Range(0, 8))
        {
            foreach (var agent in (Func<Scenario, int, string>[])[EmpatheticAgent.Reply, RoboticAgent.Reply, (_, t) => $"Hmm {t}."])
            {
                var session = Play.Through(scenario, seed, agent);
                var sentences = session.CustomerMessages.SelectMany(m => m.Split(['.', '!', '?'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

                Assert.DoesNotContain(session.CustomerMessages, m => m.Contains('{', StringComparison.Ordinal));
                Assert.True(sentences.Count == sentences.Distinct(StringComparer.OrdinalIgnoreCase).Count(), Play.Transcript(session));
            }
        }
    }
}
