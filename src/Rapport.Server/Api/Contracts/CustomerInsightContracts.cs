using Rapport.Desk.Customers;

namespace Rapport.Server.Api.Contracts;

/// <summary><c>GET /api/v1/customers/{id}/insight</c> (docs/decisions/0009-customer-insight.md).</summary>
internal sealed record CustomerInsightResponse(
    long CustomerId,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ContactHistoryResponse> History,
    IReadOnlyDictionary<string, int> Channels,
    EmotionTrendResponse Trend,
    int ContactsLast30Days,
    int RepeatContacts,
    IReadOnlyList<OpenIssueResponse> OpenIssues,
    IReadOnlyList<NextStepResponse> NeedsNext,
    bool Truncated)
{
    public static CustomerInsightResponse From(CustomerInsight i) => new(
        i.CustomerId,
        i.GeneratedAt,
        [.. i.History.Select(h => new ContactHistoryResponse(
            h.ConversationId, ConversationMapping.Name(h.Channel), h.Subject, ConversationMapping.Name(h.Status), h.CreatedAt, h.ResolvedAt,
            h.MessageCount, h.DominantEmotion, h.Labels))],
        i.Channels.ToDictionary(c => ConversationMapping.Name(c.Key), c => c.Value, StringComparer.Ordinal),
        new EmotionTrendResponse(
            [.. i.Trend.Points.Select(p => new EmotionPointResponse(p.At, p.ConversationId, p.TopEmotion, Json.Round(p.Intensity), Json.Round(p.Valence), Json.Round(p.EscalationRisk)))],
            i.Trend.Summary,
            i.Trend.Change is { } change ? Json.Round(change) : null),
        i.ContactsLast30Days,
        i.RepeatContacts,
        [.. i.OpenIssues.Select(o => new OpenIssueResponse(
            o.ConversationId, o.Subject, ConversationMapping.Name(o.Channel), ConversationMapping.Name(o.Status), o.CreatedAt, o.WaitingSince, o.Priority, o.PriorityReason))],
        [.. i.NeedsNext.Select(n => new NextStepResponse(n.Kind, n.Suggestion, n.Reason, n.ConversationIds))],
        i.Truncated);
}

/// <summary>One conversation of the customer, with the dominant emotion of their messages in it.</summary>
internal sealed record ContactHistoryResponse(
    long ConversationId, string Channel, string Subject, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt,
    int MessageCount, string DominantEmotion, IReadOnlyList<string> Labels);

/// <summary>The customer's messages in order; <c>summary</c> is improving, worsening, steady or unknown.</summary>
internal sealed record EmotionTrendResponse(IReadOnlyList<EmotionPointResponse> Points, string Summary, double? Change);

internal sealed record EmotionPointResponse(DateTimeOffset At, long ConversationId, string TopEmotion, double Intensity, double Valence, double EscalationRisk);

internal sealed record OpenIssueResponse(
    long ConversationId, string Subject, string Channel, string Status, DateTimeOffset CreatedAt, DateTimeOffset? WaitingSince, double Priority, string PriorityReason);

/// <summary>A suggestion: <c>kind</c> is reply-first, recovery-call, refund-follow-up, single-owner or check-fix-held.</summary>
internal sealed record NextStepResponse(string Kind, string Suggestion, string Reason, IReadOnlyList<long> ConversationIds);
