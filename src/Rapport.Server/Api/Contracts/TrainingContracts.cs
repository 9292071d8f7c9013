using Rapport.Core.Training;
using Rapport.Desk.Training;

namespace Rapport.Server.Api.Contracts;

/// <summary>A scenario an agent can play; source is "library" (built in) or "stored" (generated from a conversation).</summary>
internal sealed record ScenarioResponse(
    string Id, string Title, string PersonaName, string Emotion, double Intensity, int TurnLimit,
    string Situation, IReadOnlyList<string> Targets, string Source, long? SourceConversationId)
{
    public static ScenarioResponse From(Scenario s) => From(new CatalogScenario(s, false, null));

    public static ScenarioResponse From(CatalogScenario c) =>
        new(c.Scenario.Id, c.Scenario.Title, c.Scenario.Persona.Name, ConversationMapping.Name(c.Scenario.Emotion), c.Scenario.Intensity,
            c.Scenario.TurnLimit, c.Scenario.Persona.Situation, [.. c.Scenario.Targets.Select(ConversationMapping.Name)],
            c.Stored ? "stored" : "library", c.SourceConversationId);
}

/// <summary>Body of a scenario generated from a conversation.</summary>
internal sealed record ScenarioFromConversationRequest(long? ConversationId);

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
        new(AttemptSummaryResponse.From(play.Attempt), ScenarioResponse.From(play.Session!.Scenario), play.Session.Opening);
}

/// <summary>One turn: the customer's answer, the reply's empathy score and the coach's tip, and where the conversation stands.</summary>
internal sealed record AttemptTurnResponse(
    long AttemptId, int Turn, string CustomerReply, int Score, string? Tip, string Emotion, double Intensity, string Outcome, int Turns, int Empathy)
{
    public static AttemptTurnResponse From(TrainingPlay play, TrainingTurn turn)
    {
        var card = play.Session!.ScoreCard();
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

/// <summary>
/// An attempt replayed: its opening, transcript and score card. When its scenario was removed, replayable is false,
/// scenario, opening and scoreCard are null, the transcript holds only the agent's stored replies, and notice says why.
/// </summary>
internal sealed record AttemptResponse(
    AttemptSummaryResponse Attempt, bool Replayable, string? Notice, ScenarioResponse? Scenario, string? Opening,
    IReadOnlyList<TranscriptTurnResponse> Transcript, ScoreCardResponse? ScoreCard)
{
    public static AttemptResponse From(TrainingPlay play)
    {
        if (play.Session is null)
        {
            return new(
                AttemptSummaryResponse.From(play.Attempt), false,
                $"The scenario '{play.Attempt.ScenarioId}' is no longer available, so the customer's side cannot be replayed; the summary and your replies are kept.",
                null, null,
                [.. play.Replies.Select((reply, i) => new TranscriptTurnResponse(i + 1, reply, 0, null, "", "", 0, play.Attempt.Outcome))],
                null);
        }

        var card = play.Session.ScoreCard();
        return new(
            AttemptSummaryResponse.From(play.Attempt), true, null,
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

/// <summary>Body of an assignment: which agent plays which scenario, optionally by when and with a note.</summary>
internal sealed record AssignmentRequest(long? AgentId, string? ScenarioId, DateTimeOffset? DueAt, string? Note);

/// <summary>An assignment and where it stands (open, tried, done), derived from the agent's attempts since.</summary>
internal sealed record AssignmentResponse(
    long Id, long AgentId, string ScenarioId, long? AssignedById, DateTimeOffset AssignedAt, DateTimeOffset? DueAt, string? Note,
    string State, int Attempts, double BestEmpathy, long? DoneAttemptId, bool Overdue)
{
    public static AssignmentResponse From(AssignmentStatus s) =>
        new(s.Assignment.Id, s.Assignment.AgentId, s.Assignment.ScenarioId, s.Assignment.AssignedById, s.Assignment.AssignedAt,
            s.Assignment.DueAt, s.Assignment.Note, ConversationMapping.Name(s.State), s.Attempts, s.BestEmpathy, s.DoneAttemptId, s.Overdue);
}

/// <summary>A practice an agent misses: how often, over the turns it applied to.</summary>
internal sealed record PracticeMissesResponse(string Practice, string Name, int Missed, int Applicable, double Share);

/// <summary>The scenario suggested next and why.</summary>
internal sealed record SuggestionResponse(string ScenarioId, string Title, string? Practice, string Reason);

/// <summary>One agent's training progress.</summary>
internal sealed record ProgressResponse(
    long AgentId, string Name, int Finished, int Resolved, int InProgress, double MeanEmpathy, double RecentEmpathy, DateTimeOffset? LastPlayedAt,
    IReadOnlyList<PracticeMissesResponse> MostMissed, SuggestionResponse Suggestion, IReadOnlyList<AssignmentResponse> Assignments)
{
    public static ProgressResponse From(AgentTrainingProgress p) =>
        new(p.AgentId, p.Name, p.Finished, p.Resolved, p.InProgress, p.MeanEmpathy, p.RecentEmpathy, p.LastPlayedAt,
            [.. p.MostMissed.Select(m => new PracticeMissesResponse(ConversationMapping.Name(m.Practice), Components.Workspace.CoachView.PracticeName(m.Practice), m.Missed, m.Applicable, Math.Round(m.Share, 3)))],
            new SuggestionResponse(p.Suggestion.Scenario.Id, p.Suggestion.Scenario.Title,
                p.Suggestion.Practice is { } practice ? ConversationMapping.Name(practice) : null, p.Suggestion.Reason),
            [.. p.Assignments.Select(AssignmentResponse.From)]);
}
