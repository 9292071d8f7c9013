using Rapport.Desk.Assistant;
using Rapport.Desk.Conversations;
using Rapport.Desk.Sla;

namespace Rapport.Server.Api.Contracts;

/// <summary>Desk entities → API contracts.</summary>
internal static class ConversationMapping
{
    public static ConversationSummary ToSummary(this Conversation c, SlaState? sla = null) => new(
        c.Id, c.CustomerId, c.Customer?.Name, Name(c.Channel), c.Subject, Name(c.Status), c.AssigneeId, c.Priority, c.PriorityReason,
        c.EscalationRisk, c.CreatedAt, c.WaitingSince, c.FirstResponseAt, c.ResolvedAt, c.Labels, sla is null ? null : SlaStateResponse.From(sla));

    public static ConversationDetail ToDetail(this Conversation c, SlaState? sla = null) => new(
        c.ToSummary(sla),
        c.Customer is null ? null : CustomerResponse.From(c.Customer),
        [.. c.Messages.Select(ToResponse)],
        [.. c.Notes.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).Select(ToResponse)],
        c.HandOff?.ToResponse(c.Assignee?.Name));

    /// <param name="h">The hand-off.</param>
    /// <param name="agentName">The assignee's name when <c>h.Agent</c> is not loaded.</param>
    public static HandOffResponse ToResponse(this HandOff h, string? agentName = null) =>
        new(h.HandedOffAt, h.Reasons, h.AgentId, h.Agent?.Name ?? agentName, h.Assignment, h.Brief());

    public static NoteResponse ToResponse(this Note n) => new(n.Id, n.AgentId, n.Body, n.CreatedAt);

    public static MessageResponse ToResponse(this Message m) => new(
        m.Id, Name(m.Author), m.AgentId, m.Body, Name(m.Channel), m.CreatedAt, m.ExternalId,
        m.Reading is { } r ? ToResponse(r, m.Body) : null,
        m.Review is { } v ? ToResponse(v) : null,
        m.AssistantAnswer is { } a ? new AssistantAnswerResponse(Name(a.Kind), a.ArticleSlug, a.ArticleTitle, a.Confidence, a.Generated, a.RefinerNote, a.HandOff) : null);

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => Json.CamelCase(value.ToString());

    private static StoredReadingResponse ToResponse(MessageReading r, string body) => new(
        r.EngineVersion, r.Language, r.Labels, r.Scores(), r.Valence, r.Intensity, r.EscalationRisk,
        [.. r.Evidence().Select(e => EvidenceResponse.From(e.Label, e.Start..e.End, e.Cue, body))]);

    private static StoredReviewResponse ToResponse(MessageReview v) => new(
        v.EngineVersion, v.Score, [.. v.Findings().Select(f => new StoredFindingResponse(f.Practice, f.Status, f.Weight, f.Suggestion))],
        v.EmotionalReactions, v.Interpretations, v.Explorations);
}
