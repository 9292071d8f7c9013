namespace Rapport.Desk.Surveys;

/// <summary>
/// A feedback survey sent for one conversation (docs/surveys.md). Only the SHA-256 of its public token is stored
/// (docs/decisions/0012-survey-tokens.md), so the database alone cannot open a survey page.
/// </summary>
public sealed class Survey
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    /// <summary>The conversation's assignee when the survey was created: the agent the answer is about.</summary>
    public long? AgentId { get; set; }

    /// <summary>SHA-256 of the token, 32 bytes.</summary>
    public required byte[] TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The answer; null until the customer sends the form (at most one: its key is the survey's id).</summary>
    public SurveyResponse? Response { get; set; }
}
