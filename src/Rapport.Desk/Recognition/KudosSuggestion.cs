namespace Rapport.Desk.Recognition;

/// <summary>
/// A suggested kudos with its evidence: the agent's reply (quoted, with its empathy score) and why Rapport thinks the
/// customer valued it: a satisfaction rating of 5, a sentence praising the agent by name, or both. Its id is the
/// reply's message id.
/// </summary>
public sealed record KudosSuggestion(
    long MessageId,
    long ConversationId,
    string ConversationSubject,
    long AgentId,
    string AgentName,
    long? TeamId,
    string ReplyQuote,
    int Score,
    DateTimeOffset RepliedAt,
    int? Satisfaction,
    long? SurveyId,
    KudosPraise? Praise);

/// <summary>The sentence in which the customer praised the agent by name, from a later message or a survey comment.</summary>
public sealed record KudosPraise(string Sentence, KudosPraiseSource Source, long? MessageId, long? SurveyId, DateTimeOffset At);

/// <summary>Where a praising sentence was found.</summary>
public enum KudosPraiseSource
{
    Message,
    Survey,
}

/// <summary>A kudos as the wall shows it: who, from whom, and the reply it is about.</summary>
public sealed record KudosCard(
    Kudos Kudos,
    string AgentName,
    long? TeamId,
    string? FromName,
    string? ConversationSubject,
    string? ReplyQuote);

/// <summary>A suggestion found by id, with its decision when it already has one.</summary>
public sealed record FoundSuggestion(KudosSuggestion Suggestion, bool Decided);

/// <summary>What happened to a decision on a suggestion.</summary>
public enum KudosDecisionOutcome
{
    Accepted,
    Dismissed,
    AlreadyDecided,
}

/// <summary>The result of a decision: its outcome and, for an acceptance, the kudos created.</summary>
public sealed record KudosDecision(KudosDecisionOutcome Outcome, Kudos? Kudos);
