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

/// <summary>
/// Promises of one UTC day by the promising agent and the conversation's channel, each counted on the day it happened
/// (docs/analytics.md, promises kept): made on the day of the reply, kept on the day it was marked kept, broken on the
/// day its due time passed. A promise kept after it was broken counts as broken on that day and as kept late on the
/// day it was kept, so the share kept on time never improves after the fact.
/// </summary>
public sealed class PromiseDaily
{
    public long Id { get; set; }

    public int Day { get; set; }

    public long? AgentId { get; set; }

    public Channel Channel { get; set; }

    public int Made { get; set; }

    /// <summary>Kept on time: marked kept before its due time passed.</summary>
    public int Kept { get; set; }

    /// <summary>Marked kept after it had been broken.</summary>
    public int KeptLate { get; set; }

    public int Broken { get; set; }
}

/// <summary>How far the rollup has read: the highest message id folded in (one row, id 1).</summary>
public sealed class AnalyticsWatermark
{
    public int Id { get; set; }

    public long LastMessageId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// Survey answers of one UTC day by the conversation's agent, paired with the conversation's mean reply empathy (x):
/// the running sums of Pearson's r for satisfaction and for "felt understood" (<see cref="Core.Analytics.Correlation"/>).
/// </summary>
public sealed class SurveyDaily
{
    public long Id { get; set; }

    public int Day { get; set; }

    public long? AgentId { get; set; }

    public int Surveys { get; set; }

    /// <summary>Answers whose conversation had at least one scored reply (the pairs of the correlations).</summary>
    public int Paired { get; set; }

    public double SumSatisfaction { get; set; }

    public double SumUnderstood { get; set; }

    public double SumEmpathy { get; set; }

    public double SumEmpathySquares { get; set; }

    public double SumPairedSatisfaction { get; set; }

    public double SumPairedUnderstood { get; set; }

    public double SumSatisfactionSquares { get; set; }

    public double SumUnderstoodSquares { get; set; }

    public double SumEmpathySatisfaction { get; set; }

    public double SumEmpathyUnderstood { get; set; }
}

/// <summary>
/// One conversation's agent replies by agent and channel, over the conversation's whole life: what the drill-down lists
/// (the conversations behind a chart point, lowest empathy first) without reading the messages table at query time.
/// </summary>
public sealed class ConversationEmpathy
{
    public long Id { get; set; }

    public long ConversationId { get; set; }

    public long? AgentId { get; set; }

    public Channel Channel { get; set; }

    /// <summary>The day of the first of these replies (days since 1970-01-01, UTC).</summary>
    public int FirstDay { get; set; }

    /// <summary>The day of the last of these replies.</summary>
    public int LastDay { get; set; }

    public int Replies { get; set; }

    public double ScoreSum { get; set; }
}
