using Rapport.Desk.Surveys;

namespace Rapport.Server.Api.Contracts;

/// <summary>A survey just created: its public URL (the only time the token is shown) and when it expires.</summary>
internal sealed record SurveyCreatedResponse(long Id, long ConversationId, long? AgentId, string Url, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>A survey as listed: open, answered or expired, with the answer when there is one.</summary>
internal sealed record SurveyResponseItem(
    long Id, long ConversationId, long? AgentId, string State, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, SurveyAnswerResponse? Answer)
{
    public static SurveyResponseItem From(Survey s, SurveyState state) => new(
        s.Id, s.ConversationId, s.AgentId, ConversationMapping.Name(state), s.CreatedAt, s.ExpiresAt,
        s.Response is { } r ? SurveyAnswerResponse.From(r) : null);
}

/// <summary>The customer's answer and the emotion reading of their comment (null without a comment).</summary>
internal sealed record SurveyAnswerResponse(int Satisfaction, int FeltUnderstood, string? Comment, CommentReadingResponse? CommentReading, DateTimeOffset AnsweredAt)
{
    public static SurveyAnswerResponse From(SurveyResponse r) => new(
        r.Satisfaction, r.FeltUnderstood, r.Comment,
        r.EngineVersion is null ? null : new CommentReadingResponse(r.EngineVersion, r.CommentLabels, r.CommentValence ?? 0, r.CommentIntensity ?? 0),
        r.AnsweredAt);
}

internal sealed record CommentReadingResponse(string EngineVersion, IReadOnlyList<string> Labels, double Valence, double Intensity);

/// <summary>An agent's survey figures.</summary>
internal sealed record AgentSurveySummaryResponse(long AgentId, int Sent, int Answered, double? MeanSatisfaction, double? MeanFeltUnderstood, int WithComment)
{
    public static AgentSurveySummaryResponse From(AgentSurveySummary s) =>
        new(s.AgentId, s.Sent, s.Answered, s.MeanSatisfaction, s.MeanFeltUnderstood, s.WithComment);
}
