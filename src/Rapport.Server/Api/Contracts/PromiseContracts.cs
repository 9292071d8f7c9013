using Rapport.Desk.Promises;

namespace Rapport.Server.Api.Contracts;

/// <summary>
/// A tracked promise: <c>status</c> open, kept or broken; <c>reminded</c> once its reminder time has come (an hour
/// before it is due, or halfway for short promises); <c>when</c> the time words as written.
/// </summary>
internal sealed record PromiseResponse(
    long Id, long ConversationId, long MessageId, long? AgentId, string Text, string Kind, string? When, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset DueAt, DateTimeOffset RemindAt, bool Reminded, DateTimeOffset? RemindedAt,
    DateTimeOffset? KeptAt, DateTimeOffset? BrokenAt)
{
    public static PromiseResponse From(Promise p) => new(
        p.Id, p.ConversationId, p.MessageId, p.AgentId, p.Text, ConversationMapping.Name(p.Kind), p.When, ConversationMapping.Name(p.Status),
        p.CreatedAt, p.DueAt, p.RemindAt, p.RemindedAt is not null, p.RemindedAt, p.KeptAt, p.BrokenAt);
}
