using Rapport.Core.Coaching;
using Rapport.Core.Emotions;
using Rapport.Core.Training;

namespace Rapport.Core.Tests.Training;

public sealed class SimulatedCustomerTests
{
    private static Scenario Damaged => ScenarioLibrary.Default.Find("damaged-order-deadline")!;

    [Fact]
    public void Acknowledgement_details_and_ownership_calm_the_customer()
    {
        var session = TrainingSession.Start(Damaged, 1);

        var turn = session.Reply("Hi Maria, I'm so sorry your cake stand arrived cracked right before the party on Saturday. "
            + "I can see how stressful this is. Let me take care of this for you.");

        Assert.True(turn.Reaction.Change < 0, string.Join(", ", turn.Reaction.Effects));
        Assert.True(turn.State.Intensity < Damaged.Intensity);
        Assert.Contains(turn.Reaction.Effects, e => e.StartsWith("took ownership", StringComparison.Ordinal));
        Assert.Equal(Damaged.Patience, turn.State.Patience);
    }

    [Fact]
    public void Blaming_escalates_more_than_a_robotic_reply()
    {
        var robotic = TrainingSession.Start(Damaged, 1).Reply("Please check our FAQ.");
        var blaming = TrainingSession.Start(Damaged, 1).Reply("You should have checked the box when it arrived. Calm down.");

        Assert.True(robotic.Reaction.Change > 0);
        Assert.True(blaming.Reaction.Change > robotic.Reaction.Change, $"{blaming.Reaction.Change} vs {robotic.Reaction.Change}");
        Assert.Contains(blaming.Reaction.Effects, e => e.StartsWith("blamed or dismissed", StringComparison.Ordinal));
        Assert.Equal(Damaged.Patience - 1, blaming.State.Patience);
        Assert.Equal(SupportEmotion.Anger, blaming.State.Emotion);
    }

    [Fact]
    public void A_question_about_a_fact_reveals_it_in_the_customers_words()
    {
        var session = TrainingSession.Start(Damaged, 1);

        var turn = session.Reply("I'm sorry to hear that, Maria. Could you tell me the order number?");

        var fact = Assert.Single(turn.Reaction.RevealedFacts);
        Assert.Equal("order-number", fact.Id);
        Assert.Contains("#48213", turn.CustomerReply, StringComparison.Ordinal);
        Assert.Contains("order-number", turn.State.RevealedFacts);
    }

    [Fact]
    public void Naming_a_topic_outside_a_question_reveals_nothing()
    {
        var turn = TrainingSession.Start(Damaged, 1).Reply("I'm sorry, Maria. I will look up the order number.");

        Assert.Empty(turn.Reaction.RevealedFacts);
    }

    [Fact]
    public void A_resolution_item_counts_only_when_the_sentence_commits_to_it()
    {
        var mention = TrainingSession.Start(Damaged, 1).Reply("Hi Maria, I know how much you need it before Saturday.");
        var commitment = TrainingSession.Start(Damaged, 1).Reply("Hi Maria, I'll make sure it arrives before Saturday.");

        Assert.Empty(mention.Reaction.CoveredItems);
        Assert.Contains(commitment.Reaction.CoveredItems, i => i.Id == "in-time");
    }

    [Fact]
    public void A_warm_agent_who_never_offers_a_next_step_does_not_resolve()
    {
        var session = TrainingSession.Start(Damaged, 3);
        for (var turn = 1; !session.IsOver; turn++)
        {
            session.Reply(turn % 2 == 0
                ? $"I hear you, Maria, and I'm so sorry about the cracked cake stand ({turn})."
                : $"I understand how upsetting this must be before Saturday, Maria ({turn}).");
        }

        Assert.NotEqual(TrainingOutcome.Resolved, session.Outcome);
        Assert.Empty(session.State.CoveredItems);
        Assert.Contains(session.CustomerMessages, m => m.Contains("replacement", StringComparison.OrdinalIgnoreCase) || m.Contains("Saturday", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fix_without_acknowledging_the_feeling_does_not_resolve()
    {
        var scenario = ScenarioLibrary.Default.Find("account-security-worry")!;
        const string FixOnly = "Hi Helen, I'll sign out every other session and lock your account now, I'll send you a password reset link "
            + "and help you turn on two-factor authentication, and I'll review the recent activity on your account with you today.";
        var checkedSessions = 0;
        foreach (var seed in Enumerable.Range(0, 10))
        {
            var session = TrainingSession.Start(scenario, seed);
            var turn = session.Reply(FixOnly);
            if (turn.Review[Practice.AcknowledgesFeeling].Status != FindingStatus.Missed)
            {
                continue;
            }

            checkedSessions++;
            Assert.Equal(scenario.Resolution.Count, turn.State.CoveredItems.Count);
            Assert.NotEqual(TrainingOutcome.Resolved, turn.Outcome);
            var heard = session.Reply("Hi Helen, I understand how worrying this is, and you did the right thing writing to us.");
            Assert.Equal(TrainingOutcome.Resolved, heard.Outcome);
        }

        Assert.True(checkedSessions > 0, "the coach never saw a feeling to acknowledge");
    }

    [Fact]
    public void The_same_reply_twice_annoys()
    {
        var session = TrainingSession.Start(Damaged, 1);
        session.Reply("Hi Maria, I'm sorry about the cake stand.");

        var again = session.Reply("Hi Maria, I'm sorry about the cake stand.");

        Assert.Contains(again.Reaction.Effects, e => e.StartsWith("same reply again", StringComparison.Ordinal));
    }

    [Fact]
    public void Reply_after_the_end_throws()
    {
        var session = Play.Through(Damaged, 1, RoboticAgent.Reply);

        Assert.True(session.IsOver);
        Assert.Throws<InvalidOperationException>(() => session.Reply("Hello?"));
    }

    [Fact]
    public void Turns_are_reviewed_with_the_customers_messages_and_name()
    {
        var session = TrainingSession.Start(Damaged, 1);
        var turn = session.Reply("Hi Maria, let me help.");

        var expected = EmpathyCoach.Default.Review("Hi Maria, let me help.", new ReviewContext([session.Opening], "Maria Lopez", null, true));
        Assert.Equal(expected.Score, turn.Review.Score);
        Assert.Equal(FindingStatus.Met, turn.Review[Practice.UsesName].Status);
    }

    [Fact]
    public void Reaching_the_turn_limit_escalates()
    {
        var session = TrainingSession.Start(Damaged, 1);
        for (var turn = 1; !session.IsOver; turn++)
        {
            session.Reply(turn == 1
                ? "Hi Maria, I'm so sorry your cake stand arrived cracked. I understand how stressful this is. Could you tell me the order number?"
                : $"Thank you, Maria. I understand, and I'm looking at it now ({turn}). What else do you remember about the delivery?");
        }

        Assert.Equal(TrainingOutcome.Escalated, session.Outcome);
        Assert.True(session.Turns.Count <= Damaged.TurnLimit);
    }
}
