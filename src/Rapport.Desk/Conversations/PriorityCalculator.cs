namespace Rapport.Desk.Conversations;

/// <summary>
/// Emotion-aware priority: how much a conversation needs the team now. The formula and its weights are documented in
/// docs/decisions/0005-priority.md; change both together.
/// </summary>
public sealed class PriorityCalculator(TimeProvider time)
{
    public const double RiskWeight = 0.40;
    public const double IntensityWeight = 0.15;
    public const double WaitingWeight = 0.20;
    public const double RepeatWeight = 0.15;
    public const double TagWeight = 0.10;

    /// <summary>A broken promise to the customer (docs/promises.md): the desk owes them, so the conversation rises.</summary>
    public const double BrokenPromiseWeight = 0.15;

    /// <summary>Hours of waiting at which the waiting term reaches half its weight.</summary>
    public const double WaitingHalfHours = 4;

    /// <summary>Other contacts in 30 days at which the repeat term is full.</summary>
    public const int RepeatSaturation = 3;

    /// <summary>Once an agent has answered, emotion counts half: the customer is heard, the next step is theirs.</summary>
    public const double AnsweredEmotionFactor = 0.5;

    /// <summary>The stored reason's column size.</summary>
    public const int MaxReasonLength = 300;

    public static readonly TimeSpan RepeatWindow = TimeSpan.FromDays(30);

    public PriorityScore Compute(PriorityInputs inputs) => Compute(inputs, time.GetUtcNow());

    /// <summary>
    /// The priority as it read at <paramref name="now"/>: the import asks what it was when a customer's wait began, to
    /// pick the SLA band a live desk would have picked then (docs/import.md, "Timers").
    /// </summary>
    public static PriorityScore Compute(PriorityInputs inputs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Status is ConversationStatus.Resolved or ConversationStatus.Closed)
        {
            return new PriorityScore(0, inputs.Status == ConversationStatus.Resolved ? "resolved" : "closed");
        }

        var waiting = inputs.WaitingSince is { } since && since < now ? now - since : TimeSpan.Zero;
        var awaitingReply = inputs.WaitingSince is not null;
        var recent = inputs.OtherContacts.Count(c => now - c <= RepeatWindow);
        var thisWeek = inputs.OtherContacts.Count(c => now - c <= TimeSpan.FromDays(7));
        var vip = inputs.Tags.Any(t => string.Equals(t, "vip", StringComparison.OrdinalIgnoreCase));

        var emotionFactor = awaitingReply ? 1 : AnsweredEmotionFactor;
        var hours = waiting.TotalHours;
        var score =
            (RiskWeight * Clamp(inputs.EscalationRisk) * emotionFactor) +
            (IntensityWeight * Clamp(inputs.Intensity) * emotionFactor) +
            (WaitingWeight * (hours / (hours + WaitingHalfHours))) +
            (RepeatWeight * Math.Min(1.0, recent / (double)RepeatSaturation)) +
            (TagWeight * (vip ? 1 : 0)) +
            (BrokenPromiseWeight * (inputs.BrokenPromise is null ? 0 : 1));

        var reason = PriorityReason.Describe(inputs.Labels, inputs.EscalationRisk, recent, thisWeek, awaitingReply ? waiting : null, vip);
        if (inputs.BrokenPromise is { } broken)
        {
            // First: it is the one thing the desk itself got wrong.
            reason = reason == PriorityReason.NoSignals ? $"promise broken: {broken}" : $"promise broken: {broken}, {reason}";
            reason = reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength];
        }

        return new PriorityScore(Math.Round(100 * Clamp(score), 2), reason);
    }

    /// <summary>Computes and stores the priority of <paramref name="conversation"/> and its reason.</summary>
    /// <param name="conversation">Its status and waiting clock are already up to date.</param>
    /// <param name="latest">The reading of its latest customer message, if any.</param>
    /// <param name="otherContacts">When the customer's other recent conversations started.</param>
    /// <param name="tags">The customer's tags.</param>
    public void Apply(Conversation conversation, MessageReading? latest, IReadOnlyList<DateTimeOffset> otherContacts, IReadOnlyCollection<string> tags)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var score = Compute(new PriorityInputs(
            conversation.Status,
            latest?.Labels ?? [],
            latest?.EscalationRisk ?? 0,
            latest?.Intensity ?? 0,
            conversation.WaitingSince,
            otherContacts,
            tags,
            conversation.BrokenPromise));
        conversation.Priority = score.Score;
        conversation.PriorityReason = score.Reason;
    }

    private static double Clamp(double value) => double.IsFinite(value) ? Math.Clamp(value, 0, 1) : 0;
}
