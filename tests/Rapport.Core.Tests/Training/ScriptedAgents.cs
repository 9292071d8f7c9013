using Rapport.Core.Emotions;
using Rapport.Core.Training;

namespace Rapport.Core.Tests.Training;

/// <summary>
/// An agent that follows the practices, built only from what an agent sees of a scenario (the case notes: name,
/// problem, the topics they can ask about, what they can offer); it never reads the rules' trigger phrases.
/// </summary>
internal static class EmpatheticAgent
{
    public static string Reply(Scenario scenario, int turn)
    {
        var name = scenario.FirstName;
        var offers = string.Join(", and I'll ", scenario.Resolution.Select(r => r.Offer));
        return turn switch
        {
            1 => $"Hi {name}, thank you for reaching out. {Sorry(scenario, "I'm so sorry that")} {Acknowledge(scenario.Emotion)} "
                + "I'll take care of this for you personally, and I'll check everything on my side right away. "
                + $"So that I get it right, could you tell me {scenario.Facts[0].Topic}?"
                + (scenario.Facts.Count > 1 ? $" And could you also confirm {scenario.Facts[1].Topic}?" : ""),
            2 => $"Thank you, {name}, that really helps. {Sorry(scenario, "I understand how much this matters, and I'm sorry that")} "
                + $"Here is what I'll do: I'll {offers}. "
                + "You'll receive a confirmation by email today, and I'll keep you updated until it's fully resolved. "
                + "If there's anything else I can do, just reply to this message.",
            _ => $"Hi {name}, I'm following up to make sure you're looked after. I understand this has been a lot to deal with. "
                + $"To confirm, I'll {offers}. I'll check in with you tomorrow to make sure it's all resolved. "
                + "If there's anything else I can do, just reply to this message.",
        };
    }

    private static string Sorry(Scenario scenario, string lead) =>
        scenario.Emotion is SupportEmotion.Gratitude or SupportEmotion.Relief
            ? $"I'm so glad to hear that {scenario.Problem}."
            : $"{lead} {scenario.Problem}.";

    private static string Acknowledge(SupportEmotion feeling) => feeling switch
    {
        SupportEmotion.Anger => "I completely understand why you're upset, and you have every right to be.",
        SupportEmotion.Frustration => "I can see how frustrating this is.",
        SupportEmotion.Disappointment => "I can only imagine how hard this is, and I want to make it easier.",
        SupportEmotion.Worry => "I understand how worrying this is.",
        SupportEmotion.Confusion => "I can see how confusing this is, and I'm happy to walk you through it.",
        SupportEmotion.Impatience => "I know you've been waiting far too long, and I understand how frustrating that is.",
        SupportEmotion.Gratitude or SupportEmotion.Relief => "Thank you so much for your kind words.",
        _ => "I understand.",
    };
}

/// <summary>An agent that answers every message with the same canned line.</summary>
internal static class RoboticAgent
{
    public const string Line = "Please check our FAQ.";

    public static string Reply(Scenario scenario, int turn) => Line;
}

/// <summary>Plays a session to its end (or a safety limit) with a scripted agent.</summary>
internal static class Play
{
    public static TrainingSession Through(Scenario scenario, int seed, Func<Scenario, int, string> agent)
    {
        var session = TrainingSession.Start(scenario, seed);
        for (var turn = 1; !session.IsOver && turn <= 20; turn++)
        {
            session.Reply(agent(scenario, turn));
        }

        return session;
    }

    public static string Transcript(TrainingSession session) =>
        $"customer: {session.Opening}\n" + string.Join('\n', session.Turns.Select(t =>
            $"agent {t.Number} ({t.Review.Score}): {t.AgentReply}\n  [{string.Join(", ", t.Reaction.Effects)}] → {t.State.Emotion} {t.State.Intensity:0.00} p{t.State.Patience}\ncustomer: {t.CustomerReply}"))
        + $"\noutcome: {session.Outcome}";
}
