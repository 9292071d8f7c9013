using Rapport.Core.Training;
using Rapport.Desk.Training;

namespace Rapport.Server.Api.Contracts;

/// <summary>A scenario an agent can play.</summary>
internal sealed record ScenarioResponse(string Id, string Title, string PersonaName, string Emotion, double Intensity, int TurnLimit)
{
    public static ScenarioResponse From(Scenario s) =>
        new(s.Id, s.Title, s.Persona.Name, ConversationMapping.Name(s.Emotion), s.Intensity, s.TurnLimit);
}

/// <summary>Body of an attempt's start: the scenario, an optional seed (chosen when absent), an optional agent.</summary>
internal sealed record AttemptRequest(string? ScenarioId, int? Seed, long? AgentId);

/// <summary>Body of an agent's reply in an attempt.</summary>
internal sealed record AttemptReplyRequest(string? Reply);

/// <summary>A stored attempt, as listed.</summary>
internal sealed record AttemptSummaryResponse(
    long Id, long? AgentId, string ScenarioId, int Seed, string Outcome, int Turns, double Empathy, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt)
{
    public static AttemptSummaryResponse From(TrainingAttempt a) =>
        new(a.Id, a.AgentId, a.ScenarioId, a.Seed, a.Outcome, a.Turns, a.Empathy, a.StartedAt, a.UpdatedAt);
}

/// <summary>A started attempt: the customer's opening line.</summary>
internal sealed record AttemptStartedResponse(AttemptSummaryResponse Attempt, ScenarioResponse Scenario, string Opening)
{
    public static AttemptStartedResponse From(TrainingPlay play) =>
        new(AttemptSummaryResponse.From(play.Attempt), ScenarioResponse.From(play.Session.Scenario), play.Session.Opening);
}

/// <summary>One turn: the customer's answer, the reply's empathy score and the coach's tip, and where the conversation stands.</summary>
internal sealed record AttemptTurnResponse(
    long AttemptId, int Turn, string CustomerReply, int Score, string? Tip, string Emotion, double Intensity, string Outcome, int Turns, int Empathy)
{
    public static AttemptTurnResponse From(TrainingPlay play, TrainingTurn turn)
    {
        var card = play.Session.ScoreCard();
        return new(play.Attempt.Id, turn.Number, turn.CustomerReply, turn.Review.Score, AttemptMapping.Tip(turn),
            ConversationMapping.Name(turn.State.Emotion), turn.State.Intensity, TrainingService.OutcomeName(card.Outcome), card.TurnsTaken, card.Empathy);
    }
}

/// <summary>One turn of the transcript.</summary>
internal sealed record TranscriptTurnResponse(int Turn, string AgentReply, int Score, string? Tip, string CustomerReply, string Emotion, double Intensity, string Outcome);

/// <summary>The customer's feeling after a turn (0: before the first reply).</summary>
internal sealed record TrainingCurvePointResponse(int Turn, string Emotion, double Intensity);

/// <summary>A practice done well or missed, with the agent's own words.</summary>
internal sealed record PracticeHighlightResponse(string Practice, int Met, int Applicable, string Example, int ExampleTurn, string? Advice);

/// <summary>How the agent did so far (final once the outcome is not inProgress).</summary>
internal sealed record ScoreCardResponse(
    string Outcome, int Turns, int TurnLimit, int Empathy, IReadOnlyList<int> TurnScores, IReadOnlyList<TrainingCurvePointResponse> Curve,
    int FactsFound, int FactsTotal, int ItemsCovered, int ItemsTotal,
    IReadOnlyList<PracticeHighlightResponse> Best, IReadOnlyList<PracticeHighlightResponse> Weakest, string PractiseNext);

/// <summary>An attempt replayed: its opening, transcript and score card.</summary>
internal sealed record AttemptResponse(AttemptSummaryResponse Attempt, ScenarioResponse Scenario, string Opening, IReadOnlyList<TranscriptTurnResponse> Transcript, ScoreCardResponse ScoreCard)
{
    public static AttemptResponse From(TrainingPlay play)
    {
        var card = play.Session.ScoreCard();
        return new(
            AttemptSummaryResponse.From(play.Attempt),
            ScenarioResponse.From(play.Session.Scenario),
            play.Session.Opening,
            [.. card.Turns.Select(t => new TranscriptTurnResponse(t.Number, t.AgentReply, t.Review.Score, AttemptMapping.Tip(t), t.CustomerReply,
                ConversationMapping.Name(t.State.Emotion), t.State.Intensity, TrainingService.OutcomeName(t.Outcome)))],
            new ScoreCardResponse(
                TrainingService.OutcomeName(card.Outcome), card.TurnsTaken, card.TurnLimit, card.Empathy, card.TurnScores,
                [.. card.Curve.Select(p => new TrainingCurvePointResponse(p.Turn, ConversationMapping.Name(p.Emotion), p.Intensity))],
                card.FactsFound, card.FactsTotal, card.ItemsCovered, card.ItemsTotal,
                [.. card.Best.Select(AttemptMapping.Highlight)], [.. card.Weakest.Select(AttemptMapping.Highlight)], card.PractiseNext));
    }
}

internal static class AttemptMapping
{
    /// <summary>The coach's most important suggestion for the turn, or null when nothing needs changing.</summary>
    public static string? Tip(TrainingTurn turn) =>
        turn.Review.Findings.Where(f => f.Suggestion is not null).OrderByDescending(f => f.Weight).FirstOrDefault()?.Suggestion;

    public static PracticeHighlightResponse Highlight(PracticeHighlight h) =>
        new(ConversationMapping.Name(h.Practice), h.Met, h.Applicable, h.Example, h.ExampleTurn, h.Advice);
}
