using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Rapport.Desk.Surveys;
using Rapport.Server.Api.Contracts;
using Rapport.Server.Components.Surveys;

namespace Rapport.Server.Api;

/// <summary>
/// Feedback surveys in the API: create one for a resolved or closed conversation (its public URL is in the answer,
/// once), list a conversation's surveys and answers, and an agent's summary (docs/surveys.md). The public page the
/// URL opens is <see cref="SurveyPageEndpoints"/>.
/// </summary>
internal static class SurveyEndpoints
{
    public static IEndpointRouteBuilder MapSurveys(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/api/v1/conversations").WithTags("Surveys");
        conversations.MapPost("/{id:long}/survey", CreateAsync).WithName("CreateSurvey")
            .WithSummary("Creates a feedback survey for a resolved or closed conversation (otherwise 422) and returns its public URL, shown once; it expires after Rapport:Surveys:Lifetime (14 days).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        conversations.MapGet("/{id:long}/surveys", ListAsync).WithName("ListSurveys")
            .WithSummary("The conversation's surveys, oldest first: state (open, answered, expired) and the answer with the comment's emotion reading.");
        app.MapGet("/api/v1/agents/{id:long}/surveys/summary", SummaryAsync).WithTags("Surveys").WithName("AgentSurveySummary")
            .WithSummary("How the agent's customers answered: surveys sent and answered, mean satisfaction and 'felt understood' (1–5).");
        return app;
    }

    internal static async Task<Results<Created<SurveyCreatedResponse>, ProblemHttpResult>> CreateAsync(
        long id, SurveyService surveys, IOptions<SurveyOptions> options, HttpRequest request, CancellationToken cancellationToken)
    {
        if (await surveys.CreateAsync(id, cancellationToken).ConfigureAwait(false) is not { } created)
        {
            return NotFound.Problem("Conversation", id);
        }

        var url = SurveyPageEndpoints.PublicUrl(options.Value.PublicBaseUrl, request, created.Token);
        var s = created.Survey;
        return TypedResults.Created($"/api/v1/conversations/{id}/surveys", new SurveyCreatedResponse(s.Id, s.ConversationId, s.AgentId, url, s.CreatedAt, s.ExpiresAt));
    }

    internal static async Task<Results<Ok<SurveyResponseItem[]>, ProblemHttpResult>> ListAsync(
        long id, SurveyService surveys, CancellationToken cancellationToken) =>
        await surveys.ListAsync(id, cancellationToken).ConfigureAwait(false) is { } list
            ? TypedResults.Ok(list.Select(s => SurveyResponseItem.From(s, surveys.StateOf(s))).ToArray())
            : NotFound.Problem("Conversation", id);

    internal static async Task<Results<Ok<AgentSurveySummaryResponse>, ProblemHttpResult>> SummaryAsync(
        long id, SurveyService surveys, CancellationToken cancellationToken) =>
        await surveys.SummarizeAgentAsync(id, cancellationToken).ConfigureAwait(false) is { } summary
            ? TypedResults.Ok(AgentSurveySummaryResponse.From(summary))
            : NotFound.Problem("Agent", id);
}
