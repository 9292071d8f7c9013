using Rapport.Desk.Recognition;

namespace Rapport.Server.Api.Contracts;

/// <summary>Gives kudos: to whom, a short note, optionally the conversation and reply it is about. <c>fromAgentId</c>
/// is for API keys; a signed-in agent gives as themselves.</summary>
internal sealed record KudosRequest(long? AgentId, string? Message, long? ConversationId, long? MessageId, long? FromAgentId);

/// <summary>Accepting a suggestion: an optional note (otherwise one is made from the evidence).</summary>
internal sealed record KudosAcceptRequest(string? Note);

/// <summary>A kudos on the wall.</summary>
internal sealed record KudosResponse(
    long Id, long AgentId, string AgentName, long? FromAgentId, string? FromName, string Source, string Message,
    long? ConversationId, string? ConversationSubject, long? MessageId, string? ReplyQuote, long? SurveyId, DateTimeOffset CreatedAt)
{
    public static KudosResponse From(KudosCard c)
    {
        var k = c.Kudos;
        return new(k.Id, k.AgentId, c.AgentName, k.FromAgentId, c.FromName, Json.CamelCase(k.Source.ToString()), k.Message,
            k.ConversationId, c.ConversationSubject, k.MessageId, c.ReplyQuote, k.SurveyId, k.CreatedAt);
    }
}

/// <summary>A pending suggestion with its evidence; <c>id</c> is the quoted reply's message id.</summary>
internal sealed record KudosSuggestionResponse(
    long Id, long AgentId, string AgentName, long ConversationId, string ConversationSubject, KudosEvidenceResponse Evidence)
{
    public static KudosSuggestionResponse From(KudosSuggestion s) => new(
        s.MessageId, s.AgentId, s.AgentName, s.ConversationId, s.ConversationSubject,
        new KudosEvidenceResponse(
            s.ReplyQuote, s.Score, s.RepliedAt, s.Satisfaction, s.SurveyId,
            s.Praise is { } p ? new KudosPraiseResponse(p.Sentence, Json.CamelCase(p.Source.ToString()), p.MessageId, p.SurveyId, p.At) : null));
}

/// <summary>Why a kudos is suggested: the reply (quote and empathy score) and the customer's rating of 5 and/or praise.</summary>
internal sealed record KudosEvidenceResponse(string ReplyQuote, int Score, DateTimeOffset RepliedAt, int? Satisfaction, long? SurveyId, KudosPraiseResponse? Praise);

/// <summary>The customer's sentence praising the agent by name, from a message or a survey comment.</summary>
internal sealed record KudosPraiseResponse(string Sentence, string Source, long? MessageId, long? SurveyId, DateTimeOffset At);
