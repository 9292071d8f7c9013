using Rapport.Desk.FollowUps;

namespace Rapport.Server.Api.Contracts;

/// <summary>
/// A follow-up: <c>kind</c> resolved (the check-in after resolution) or quiet (a customer who went quiet);
/// <c>state</c> scheduled, needsReview, reminded, done or cancelled.
/// </summary>
internal sealed record FollowUpResponse(
    long Id, long ConversationId, string Kind, string State, DateTimeOffset CreatedAt, DateTimeOffset DueAt, string? UpsetReason,
    DateTimeOffset? ReviewedAt, long? ReviewedBy, string? ReviewNote, DateTimeOffset? RemindedAt, long? SurveyId, DateTimeOffset? DoneAt, string? Outcome)
{
    public static FollowUpResponse From(FollowUp f) => new(
        f.Id, f.ConversationId, ConversationMapping.Name(f.Kind), ConversationMapping.Name(f.State), f.CreatedAt, f.DueAt, f.UpsetReason,
        f.ReviewedAt, f.ReviewedBy, f.ReviewNote, f.RemindedAt, f.SurveyId, f.DoneAt, f.Outcome);
}

/// <summary>Body of <c>POST /api/v1/follow-ups/{id}/reviewed</c> (optional): the reviewing lead and a note.</summary>
internal sealed record FollowUpReviewRequest(long? AgentId, string? Note);

/// <summary>Body of <c>PUT /api/v1/follow-ups/teams/{id}/settings</c>: hours, 1 to 2,160 (90 days).</summary>
internal sealed record FollowUpSettingsRequest(int? FollowUpAfterHours, int? QuietAfterHours);

/// <summary>A team's follow-up delays; <c>custom</c> false when they are the defaults (Rapport:FollowUps).</summary>
internal sealed record FollowUpSettingsResponse(long TeamId, int FollowUpAfterHours, int QuietAfterHours, bool Custom);
