using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Desk.Training;
using Rapport.Server.Api.Contracts;

namespace Rapport.Server.Api;

/// <summary><c>/api/v1/training</c>: the role-play simulator's scenarios and the agents' stored attempts (ADR 0010).</summary>
internal static class TrainingEndpoints
{
    /// <summary>The longest reply an agent can send in a training attempt.</summary>
    public const int MaxReplyLength = 4000;

    public static IEndpointRouteBuilder MapTraining(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/training").WithTags("Training");
        group.MapGet("/scenarios", ListScenarios).WithName("ListTrainingScenarios").WithSummary("The scenarios an agent can play, in id order.");
        group.MapPost("/attempts", StartAsync).WithName("StartTrainingAttempt")
            .WithSummary("Starts an attempt of a scenario (seed optional, chosen when absent; agentId optional); returns the customer's opening line.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/attempts", ListAsync).WithName("ListTrainingAttempts").WithSummary("Attempts, newest first; agentId filters by agent.");
        group.MapGet("/attempts/{id:long}", GetAsync).WithName("GetTrainingAttempt").WithSummary("An attempt replayed: opening, transcript and score card.");
        group.MapPost("/attempts/{id:long}/replies", ReplyAsync).WithName("ReplyInTrainingAttempt")
            .WithSummary("The agent's next reply: the customer's answer, the reply's empathy score and tip, and the outcome (a finished attempt: 422).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    internal static Ok<ScenarioResponse[]> ListScenarios() =>
        TypedResults.Ok(TrainingService.Library.Scenarios.Select(ScenarioResponse.From).ToArray());

    internal static async Task<Results<Created<AttemptStartedResponse>, ValidationProblem>> StartAsync(
        AttemptRequest request, TrainingService training, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        var scenarioId = validator.Text("scenarioId", request.ScenarioId, required: true, maxLength: 80);
        if (!validator.IsValid || scenarioId is null)
        {
            return validator.Problem();
        }

        var play = await training.StartAsync(scenarioId, request.Seed, request.AgentId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/training/attempts/{play.Attempt.Id}", AttemptStartedResponse.From(play));
    }

    internal static async Task<Results<Ok<AttemptTurnResponse>, ValidationProblem, ProblemHttpResult>> ReplyAsync(
        long id, AttemptReplyRequest request, TrainingService training, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        var reply = validator.Text("reply", request.Reply, required: true, maxLength: MaxReplyLength);
        if (!validator.IsValid || reply is null)
        {
            return validator.Problem();
        }

        return await training.ReplyAsync(id, reply, cancellationToken).ConfigureAwait(false) is { } played
            ? TypedResults.Ok(AttemptTurnResponse.From(played.Play, played.Turn))
            : NotFound.Problem("Training attempt", id);
    }

    internal static async Task<Results<Ok<AttemptResponse>, ProblemHttpResult>> GetAsync(
        long id, TrainingService training, CancellationToken cancellationToken) =>
        await training.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } play
            ? TypedResults.Ok(AttemptResponse.From(play))
            : NotFound.Problem("Training attempt", id);

    internal static async Task<Ok<AttemptSummaryResponse[]>> ListAsync(
        TrainingService training, CancellationToken cancellationToken, long? agentId = null) =>
        TypedResults.Ok((await training.ListAsync(agentId, cancellationToken).ConfigureAwait(false)).Select(AttemptSummaryResponse.From).ToArray());
}
