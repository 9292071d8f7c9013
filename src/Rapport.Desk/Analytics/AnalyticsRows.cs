using Rapport.Desk.Conversations;

namespace Rapport.Desk.Analytics;

/// <summary>
/// Agent replies of one UTC day by agent, channel and how upset the customer was at the start of the conversation
/// (<see cref="Core.Analytics.FairEmpathy.Bucket"/>): the sums behind every empathy chart (docs/analytics.md).
/// </summary>
public sealed class EmpathyDaily
{
    public long Id { get; set; }

    /// <summary>Days since 1970-01-01 (UTC).</summary>
    public int Day { get; set; }

    public long? AgentId { get; set; }

    public Channel Channel { get; set; }

    public int UpsetBucket { get; set; }

    public int Replies { get; set; }

    public double ScoreSum { get; set; }

    public double ScoreSquares { get; set; }
}

/// <summary>Customer messages of one UTC day by channel, the conversation's assignee and the message's strongest feeling.</summary>
public sealed class EmotionDaily
{
    public long Id { get; set; }

    public int Day { get; set; }

    public long? AgentId { get; set; }

    public Channel Channel { get; set; }

    /// <summary>The first non-neutral label of the reading ("anger"), or "neutral".</summary>
    public required string Label { get; set; }

    public int Messages { get; set; }
}

/// <summary>
/// Response and resolution times of one UTC day by the conversation's assignee and channel: first responses counted on
/// the day they were sent, resolutions on the day they happened.
/// </summary>
public sealed class ResponseDaily
{
    public long Id { get; set; }

    public int Day { get; set; }

    public long? AgentId { get; set; }

    public Channel Channel { get; set; }

    public int FirstResponses { get; set; }

    public double FirstResponseMinutes { get; set; }

    public int FirstResponsesWithinHour { get; set; }

    public int Resolved { get; set; }

    public double ResolutionMinutes { get; set; }

    public int ResolvedWithinDay { get; set; }
}

/// <summary>How far the rollup has read: the highest message id folded in (one row, id 1).</summary>
public sealed class AnalyticsWatermark
{
    public int Id { get; set; }

    public long LastMessageId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
