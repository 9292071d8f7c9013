using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Desk.Agents;
using Rapport.Desk.FollowUps;
using Rapport.Server.Security;
using Rapport.Server.Api.Contracts;

namespace Rapport.Server.Api;

/// <summary>
/// Follow-ups (docs/follow-ups.md): the list (<c>?state=needsReview</c> is a lead's review queue), the review that lets
/// an upset customer's check-in go on, and each team's delays.
/// </summary>
internal static class FollowUpEndpoints
{
    public static IEndpointRouteBuilder MapFollowUps(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/follow-ups").WithTags("Follow-ups");
        group.MapGet("", ListAsync).WithName("ListFollowUps")
            .WithSummary("Follow-ups newest first, filtered by ?state= (scheduled, needsReview, reminded, done, cancelled), ?kind= (resolved, quiet) and ?conversationId=. A signed-in lead sees their team's (and unassigned), an agent their own.");
        group.MapPost("/{id:long}/reviewed", ReviewedAsync).WithName("ReviewFollowUp")
            .WithSummary("A lead reviewed an upset customer's follow-up: the check-in goes on at its due time (at once if passed); 422 unless it is in needsReview; 403 for a signed-in agent, or a lead outside the conversation's team.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/teams/{id:long}/settings", GetSettingsAsync).WithName("GetFollowUpSettings").WithSummary("A team's follow-up delays in hours.");
        group.MapPut("/teams/{id:long}/settings", SaveSettingsAsync).WithName("SaveFollowUpSettings")
            .WithSummary("Sets a team's delays: hours after resolution before the check-in, hours of silence before a reminder and again before closing (1–2,160).");
        return app;
    }

    internal static async Task<Results<Ok<FollowUpResponse[]>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, FollowUpService followUps, CancellationToken cancellationToken, string? state = null, string? kind = null, long? conversationId = null)
    {
        var validator = new RequestValidator();
        var stateValue = validator.Enum<FollowUpState>("state", state, required: false);
        var kindValue = validator.Enum<FollowUpKind>("kind", kind, required: false);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        return TypedResults.Ok((await followUps.ListAsync(stateValue, kindValue, conversationId, LeadScope.Of(user, null).Visibility, cancellationToken).ConfigureAwait(false)).Select(FollowUpResponse.From).ToArray());
    }

    internal static async Task<Results<Ok<FollowUpResponse>, ValidationProblem, ProblemHttpResult>> ReviewedAsync(
        long id, ClaimsPrincipal user, FollowUpService followUps, CancellationToken cancellationToken, FollowUpReviewRequest? request = null)
    {
        var validator = new RequestValidator();
        var note = validator.Text("note", request?.Note, required: false, maxLength: FollowUp.MaxNoteLength);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        if (SignedInAgent.From(user) is { Role: not AgentRole.Admin } caller)
        {
            var (found, assignee, team) = await followUps.OwnerAsync(id, cancellationToken).ConfigureAwait(false);
            if (!found)
            {
                return NotFound.Problem("Follow-up", id);
            }

            if (caller.Role != AgentRole.Lead)
            {
                return LeadScope.Forbidden("A lead reviews an upset customer's follow-up.");
            }

            if (assignee is not null && assignee != caller.Id && (team is null || team != caller.TeamId))
            {
                return LeadScope.Forbidden("A lead reviews the follow-ups of their own team.");
            }
        }

        return await followUps.MarkReviewedAsync(id, request?.AgentId, note, cancellationToken).ConfigureAwait(false) is { } followUp
            ? TypedResults.Ok(FollowUpResponse.From(followUp))
            : NotFound.Problem("Follow-up", id);
    }

    internal static async Task<Results<Ok<FollowUpSettingsResponse>, ProblemHttpResult>> GetSettingsAsync(long id, FollowUpService followUps, CancellationToken cancellationToken)
    {
        var (found, after, quiet, custom) = await followUps.GetSettingsAsync(id, cancellationToken).ConfigureAwait(false);
        return found ? TypedResults.Ok(new FollowUpSettingsResponse(id, after, quiet, custom)) : NotFound.Problem("Team", id);
    }

    internal static async Task<Results<Ok<FollowUpSettingsResponse>, ValidationProblem, ProblemHttpResult>> SaveSettingsAsync(
        long id, FollowUpSettingsRequest request, FollowUpService followUps, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        Hours(validator, "followUpAfterHours", request.FollowUpAfterHours);
        Hours(validator, "quietAfterHours", request.QuietAfterHours);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        return await followUps.SaveSettingsAsync(id, request.FollowUpAfterHours!.Value, request.QuietAfterHours!.Value, cancellationToken).ConfigureAwait(false) is { } s
            ? TypedResults.Ok(new FollowUpSettingsResponse(id, s.FollowUpAfterHours, s.QuietAfterHours, true))
            : NotFound.Problem("Team", id);
    }

    private static void Hours(RequestValidator validator, string field, int? value)
    {
        if (value is null)
        {
            validator.Add(field, $"'{field}' is required: hours, 1 to {FollowUpOptions.MaxHours}.");
        }
        else if (value < 1 || value > FollowUpOptions.MaxHours)
        {
            validator.Add(field, $"'{field}' is {value}; use 1 to {FollowUpOptions.MaxHours} hours.");
        }
    }
}
