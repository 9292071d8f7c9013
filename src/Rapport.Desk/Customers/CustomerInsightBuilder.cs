using System.Globalization;
using Rapport.Desk.Conversations;

namespace Rapport.Desk.Customers;

/// <summary>
/// Builds a <see cref="CustomerInsight"/> from a customer's conversations and messages. Pure: no I/O, the time is a
/// parameter. The rules and their thresholds are docs/decisions/0009-customer-insight.md; change both together.
/// </summary>
public static class CustomerInsightBuilder
{
    /// <summary>Contacts within this window count as repeat contacts (as in the priority).</summary>
    public static readonly TimeSpan RepeatWindow = PriorityCalculator.RepeatWindow;

    /// <summary>A customer waiting this long on an open conversation should be answered before anything else.</summary>
    public static readonly TimeSpan LongWait = TimeSpan.FromHours(4);

    /// <summary>The trend compares the mean valence of up to this many latest messages with the same number before them.</summary>
    public const int TrendWindow = 3;

    /// <summary>A change of mean valence at least this large is a trend; smaller is steady.</summary>
    public const double TrendThreshold = 0.15;

    /// <summary>Escalation risk at or above this at the last contact calls for a personal call (as in the priority reason).</summary>
    public const double HighRisk = 0.6;

    /// <summary>A customer message with valence at or below this reads as negative.</summary>
    public const double NegativeValence = -0.2;

    /// <summary>This many contacts on one topic in the repeat window call for a single owner.</summary>
    public const int SingleOwnerContacts = 3;

    public const string Improving = "improving";
    public const string Worsening = "worsening";
    public const string Steady = "steady";
    public const string Unknown = "unknown";

    public static CustomerInsight Build(
        long customerId,
        IReadOnlyList<Conversation> conversations,
        IReadOnlyDictionary<long, int> messageCounts,
        IReadOnlyList<InsightMessage> customerMessages,
        DateTimeOffset now,
        bool truncated = false)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        ArgumentNullException.ThrowIfNull(messageCounts);
        ArgumentNullException.ThrowIfNull(customerMessages);

        var ordered = conversations.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).ToList();
        var messages = customerMessages.OrderBy(m => m.CreatedAt).ThenBy(m => m.ConversationId).ToList();
        var byConversation = messages.ToLookup(m => m.ConversationId);

        var history = ordered.Select(c => new ContactHistoryItem(
            c.Id, c.Channel, c.Subject, c.Status, c.CreatedAt, c.ResolvedAt, messageCounts.GetValueOrDefault(c.Id),
            DominantEmotion(byConversation[c.Id]), c.Labels)).ToList();
        var channels = ordered.GroupBy(c => c.Channel).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());

        var trend = Trend(messages);
        var recent = ordered.Where(c => now - c.CreatedAt <= RepeatWindow).ToList();
        var openIssues = ordered
            .Where(IsOpen)
            .OrderBy(c => c.WaitingSince ?? DateTimeOffset.MaxValue).ThenByDescending(c => c.Priority)
            .Select(c => new OpenIssue(c.Id, c.Subject, c.Channel, c.Status, c.CreatedAt, c.WaitingSince, c.Priority, c.PriorityReason))
            .ToList();

        var topics = ordered.ToDictionary(c => c.Id, c => InsightTopics.Of(c, byConversation[c.Id]));
        var next = new List<NextStep>();
        ReplyFirst(ordered, now, next);
        RecoveryCall(messages, trend, ordered, now, next);
        RefundFollowUp(ordered, topics, next);
        SingleOwner(recent, topics, next);
        CheckFixHeld(ordered, byConversation, now, next);

        return new CustomerInsight(
            customerId, now, history, channels, trend, recent.Count, Math.Max(0, recent.Count - 1), openIssues, next, truncated);
    }

    /// <summary>
    /// Valence of the latest <see cref="TrendWindow"/> messages (fewer when there are under 6: half of them) against as
    /// many before them: up by <see cref="TrendThreshold"/> or more is improving, down as much worsening, else steady;
    /// under two messages, unknown.
    /// </summary>
    internal static EmotionTrend Trend(IReadOnlyList<InsightMessage> messages)
    {
        var points = messages.Select(m => new EmotionPoint(m.CreatedAt, m.ConversationId, TopEmotion(m), m.Intensity, m.Valence, m.EscalationRisk)).ToList();
        if (messages.Count < 2)
        {
            return new EmotionTrend(points, Unknown, null);
        }

        var window = Math.Min(TrendWindow, messages.Count / 2);
        var latest = messages.Skip(messages.Count - window).Average(m => m.Valence);
        var before = messages.Skip(messages.Count - (2 * window)).Take(window).Average(m => m.Valence);
        var change = Math.Round(latest - before, 4);
        var summary = change >= TrendThreshold ? Improving : change <= -TrendThreshold ? Worsening : Steady;
        return new EmotionTrend(points, summary, change);
    }

    internal static string TopEmotion(InsightMessage message)
    {
        string? top = null;
        var best = double.MinValue;
        foreach (var label in message.Labels)
        {
            var score = message.Scores.GetValueOrDefault(label);
            if (top is null || score > best)
            {
                (top, best) = (label, score);
            }
        }

        return top ?? "neutral";
    }

    /// <summary>The labelled emotion with the highest summed score over the conversation's customer messages.</summary>
    internal static string DominantEmotion(IEnumerable<InsightMessage> messages)
    {
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            foreach (var label in message.Labels)
            {
                totals[label] = totals.GetValueOrDefault(label) + message.Scores.GetValueOrDefault(label, 0.5);
            }
        }

        return totals.Count == 0 ? "neutral" : totals.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).First().Key;
    }

    private static bool IsOpen(Conversation c) => c.Status is ConversationStatus.Open or ConversationStatus.Pending;

    private static string Ref(Conversation c) => $"#{c.Id.ToString(CultureInfo.InvariantCulture)} \"{c.Subject}\"";

    private static string Figure(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    // Open conversations whose customer has waited LongWait or more: answer them before anything else.
    private static void ReplyFirst(List<Conversation> conversations, DateTimeOffset now, List<NextStep> next)
    {
        var waiting = conversations
            .Where(c => c.Status == ConversationStatus.Open && c.WaitingSince is { } since && now - since >= LongWait)
            .OrderBy(c => c.WaitingSince)
            .ToList();
        if (waiting.Count == 0)
        {
            return;
        }

        var reason = string.Join("; ", waiting.Select(c => $"{Ref(c)} has waited {PriorityReason.Duration(now - c.WaitingSince!.Value)} for a reply"));
        next.Add(new NextStep("reply-first", "Reply first: they are still waiting for an answer.", reason + ".", [.. waiting.Select(c => c.Id)]));
    }

    // High escalation risk at the last contact, or a worsening trend ending in a negative message, while the last contact is recent.
    private static void RecoveryCall(List<InsightMessage> messages, EmotionTrend trend, List<Conversation> conversations, DateTimeOffset now, List<NextStep> next)
    {
        if (messages.Count == 0 || now - messages[^1].CreatedAt > RepeatWindow)
        {
            return;
        }

        var last = messages[^1];
        var evidence = new List<string>(2);
        if (last.EscalationRisk >= HighRisk)
        {
            evidence.Add($"escalation risk {Figure(last.EscalationRisk)} at the last contact ({PriorityReason.Duration(now - last.CreatedAt)} ago, {TopEmotion(last)})");
        }

        // A fall from delighted to neutral is a worsening trend but no crisis: the latest message must itself be negative.
        if (trend.Summary == Worsening && last.Valence <= NegativeValence)
        {
            evidence.Add($"their mood is worsening (mean valence down {Figure(-trend.Change!.Value)} over the latest messages)");
        }

        if (evidence.Count == 0)
        {
            return;
        }

        var conversation = conversations.FirstOrDefault(c => c.Id == last.ConversationId);
        var where = conversation is null ? "" : $" on {Ref(conversation)}";
        next.Add(new NextStep(
            "recovery-call",
            "Call them personally (or send a personal recovery message) instead of another templated reply.",
            char.ToUpperInvariant(evidence[0][0]) + string.Join("; ", evidence)[1..] + where + ".",
            [last.ConversationId]));
    }

    // Unresolved conversations about a refund or a charge: follow up on the money.
    private static void RefundFollowUp(List<Conversation> conversations, Dictionary<long, IReadOnlyDictionary<string, string>> topics, List<NextStep> next)
    {
        var refunds = conversations
            .Where(c => IsOpen(c) && topics[c.Id].ContainsKey(InsightTopics.Refund))
            .OrderBy(c => c.CreatedAt)
            .ToList();
        if (refunds.Count == 0)
        {
            return;
        }

        var reason = string.Join("; ", refunds.Select(c => $"{Ref(c)} mentions \"{topics[c.Id][InsightTopics.Refund]}\" and is still {ConversationMapping(c.Status)}"));
        next.Add(new NextStep(
            "refund-follow-up",
            "Follow up on the refund: confirm the amount and the date the money will arrive, then check that it did.",
            reason + ".",
            [.. refunds.Select(c => c.Id)]));
    }

    // SingleOwnerContacts or more conversations on one topic in the repeat window: one agent should own them.
    private static void SingleOwner(List<Conversation> recent, Dictionary<long, IReadOnlyDictionary<string, string>> topics, List<NextStep> next)
    {
        var busiest = recent
            .SelectMany(c => topics[c.Id].Keys.Select(t => (Topic: t, Conversation: c)))
            .GroupBy(x => x.Topic, StringComparer.Ordinal)
            .Where(g => g.Count() >= SingleOwnerContacts)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        if (busiest is null)
        {
            return;
        }

        var group = busiest.Select(x => x.Conversation).OrderBy(c => c.CreatedAt).ToList();
        var owners = group.Where(c => c.AssigneeId is not null).Select(c => c.AssigneeId).Distinct().Count();
        var handled = owners switch
        {
            0 => "none of them assigned",
            1 => "one agent so far",
            _ => $"handled by {owners} different agents",
        };
        var ids = string.Join(", ", group.Select(c => "#" + c.Id.ToString(CultureInfo.InvariantCulture)));
        next.Add(new NextStep(
            "single-owner",
            $"Give them one owner: one agent who follows every {busiest.Key} conversation through to the end.",
            $"{group.Count} contacts in {RepeatWindow.Days} days about {busiest.Key} ({ids}), {handled}.",
            [.. group.Select(c => c.Id)]));
    }

    // Resolved (or closed) in the repeat window, but the customer's last message there read as negative.
    private static void CheckFixHeld(List<Conversation> conversations, ILookup<long, InsightMessage> byConversation, DateTimeOffset now, List<NextStep> next)
    {
        var doubtful = new List<(Conversation Conversation, InsightMessage Last)>();
        foreach (var c in conversations.Where(c => !IsOpen(c) && c.ResolvedAt is { } at && now - at <= RepeatWindow))
        {
            if (byConversation[c.Id].LastOrDefault() is { } last && last.Valence <= NegativeValence)
            {
                doubtful.Add((c, last));
            }
        }

        if (doubtful.Count == 0)
        {
            return;
        }

        var reason = string.Join("; ", doubtful.Select(d =>
            $"{Ref(d.Conversation)} was {ConversationMapping(d.Conversation.Status)} {PriorityReason.Duration(now - d.Conversation.ResolvedAt!.Value)} ago, " +
            $"but their last message there read as {TopEmotion(d.Last)} (valence {Figure(d.Last.Valence)})"));
        next.Add(new NextStep(
            "check-fix-held",
            "Check the fix held: a short personal message asking whether everything works now.",
            reason + ".",
            [.. doubtful.Select(d => d.Conversation.Id)]));
    }

    private static string ConversationMapping(ConversationStatus status) => status.ToString().ToLowerInvariant();
}
