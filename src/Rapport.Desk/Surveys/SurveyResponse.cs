namespace Rapport.Desk.Surveys;

/// <summary>
/// The customer's answer to a <see cref="Survey"/>. Its key is the survey's id, so the database itself refuses a
/// second answer even when two submissions race. The comment's emotion reading is kept as columns (labels, valence,
/// intensity) like a message reading's.
/// </summary>
public sealed class SurveyResponse
{
    public long SurveyId { get; set; }

    /// <summary>Copied from the survey so answers are listed per conversation and per agent without a join.</summary>
    public long ConversationId { get; set; }

    public long? AgentId { get; set; }

    /// <summary>"How satisfied are you?" 1–5.</summary>
    public int Satisfaction { get; set; }

    /// <summary>"Did you feel understood?" 1–5.</summary>
    public int FeltUnderstood { get; set; }

    /// <summary>Stored exactly as sent; never interpreted as HTML.</summary>
    public string? Comment { get; set; }

    /// <summary>The engine that read the comment (null without a comment).</summary>
    public string? EngineVersion { get; set; }

    public List<string> CommentLabels { get; set; } = [];

    public double? CommentValence { get; set; }

    public double? CommentIntensity { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }
}
