using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Desk.Data;
using Rapport.Desk.Training;
using Rapport.Server.Api.Contracts;
using Rapport.Server.Security;

namespace Rapport.Server.Api;

/// <summary><c>/api/v1/training</c>: the role-play simulator's scenarios, the agents' stored attempts, assignments and progress (ADR 0010).</summary>
internal static class TrainingEndpoints
{
    /// <summary>The longest reply an agent can send in a training attempt.</summary>
    public const int MaxReplyLength = 4000;

    public static IEndpointRouteBuilder MapTraining(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/training").WithTags("Training");
        group.MapGet("/scenarios", ListScenariosAsync).WithName("ListTrainingScenarios")
            .WithSummary("The scenarios an agent can play: the built-in library in id order, then stored ones (generated from conversations), newest first.");
        group.MapPost("/scenarios/from-conversation", GenerateScenarioAsync).WithName("GenerateTrainingScenario")
            .WithSummary("Generates a scenario from a resolved or closed conversation (customer's facts and feelings, names anonymised) and stores it.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/scenarios/{id}", RemoveScenarioAsync).WithName("RemoveTrainingScenario")
            .WithSummary("Removes a stored scenario (built-in ones: 422); its attempts keep their summary but can no longer be replayed.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/attempts", StartAsync).WithName("StartTrainingAttempt")
            .WithSummary("Starts an attempt of a scenario (seed optional, chosen when absent; agentId optional); returns the customer's opening line.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/attempts", ListAsync).WithName("ListTrainingAttempts").WithSummary("Attempts, newest first; agentId filters by agent.");
        group.MapGet("/attempts/{id:long}", GetAsync).WithName("GetTrainingAttempt")
            .WithSummary("An attempt replayed: opening, transcript and score card (replayable false when its scenario was removed).");
        group.MapPost("/attempts/{id:long}/replies", ReplyAsync).WithName("ReplyInTrainingAttempt")
            .WithSummary("The agent's next reply: the customer's answer, the reply's empathy score and tip, and the outcome (a finished attempt: 422).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/assignments", ListAssignmentsAsync).WithName("ListTrainingAssignments")
            .WithSummary("Assignments with their state (open, tried, done) and whether overdue; agentId filters. A signed-in agent sees their own, a lead their team's.");
        group.MapPost("/assignments", AssignAsync).WithName("AssignTrainingScenario")
            .WithSummary("Assigns a scenario to an agent (dueAt and note optional). Signed-in agents cannot assign; a lead assigns within their team (403).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/assignments/{id:long}", RemoveAssignmentAsync).WithName("RemoveTrainingAssignment").WithSummary("Withdraws an assignment.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/progress", ProgressAsync).WithName("TrainingProgress")
            .WithSummary("Per agent: finished and resolved attempts, mean and recent empathy, the three practices missed most, the suggested next scenario and assignments; agentId and teamId filter.");
        return app;
    }

    internal static async Task<Ok<ScenarioResponse[]>> ListScenariosAsync(ScenarioCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok((await catalog.ListAsync(cancellationToken).ConfigureAwait(false)).Select(ScenarioResponse.From).ToArray());

    internal static async Task<Results<Created<ScenarioResponse>, ValidationProblem, ProblemHttpResult>> GenerateScenarioAsync(
        ScenarioFromConversationRequest request, ClaimsPrincipal user, ConversationScenarios generator, CancellationToken cancellationToken)
    {
        if (request.ConversationId is not { } conversationId)
        {
            var validator = new RequestValidator();
            validator.Add("conversationId", "The conversationId field is required.");
            return validator.Problem();
        }

        return await generator.GenerateAsync(conversationId, SignedInAgent.From(user)?.Id, cancellationToken).ConfigureAwait(false) is { } generated
            ? TypedResults.Created($"/api/v1/training/scenarios/{generated.Scenario.Id}", ScenarioResponse.From(generated))
            : NotFound.Problem("Conversation", conversationId);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RemoveScenarioAsync(string id, ScenarioCatalog catalog, CancellationToken cancellationToken) =>
        await catalog.RemoveAsync(id, cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Training scenario not found", detail: $"There is no stored scenario '{id}'.");

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

    internal static async Task<Ok<AssignmentResponse[]>> ListAssignmentsAsync(
        ClaimsPrincipal user, RapportDbContext db, TrainingAssignments assignments, CancellationToken cancellationToken, long? agentId = null)
    {
        var visible = await TrainingAccess.VisibleAgentsAsync(user, db, agentId, null, cancellationToken).ConfigureAwait(false);
        var list = await assignments.ListAsync(visible.ToList(), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(AssignmentResponse.From).ToArray());
    }

    internal static async Task<Results<Created<AssignmentResponse>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        AssignmentRequest request, ClaimsPrincipal user, RapportDbContext db, TrainingAssignments assignments, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        var scenarioId = validator.Text("scenarioId", request.ScenarioId, required: true, maxLength: 80);
        var note = validator.Text("note", request.Note, required: false, maxLength: TrainingAssignments.MaxNoteLength);
        if (request.AgentId is null)
        {
            validator.Add("agentId", "The agentId field is required.");
        }

        if (!validator.IsValid || scenarioId is null || request.AgentId is not { } agentId)
        {
            return validator.Problem();
        }

        if (await TrainingAccess.WhyCannotAssignAsync(user, db, agentId, cancellationToken).ConfigureAwait(false) is { } reason)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed to assign training", detail: reason);
        }

        var assignedBy = SignedInAgent.From(user)?.Id;
        var status = await assignments.AssignAsync(agentId, scenarioId, request.DueAt, note, assignedBy, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/training/assignments/{status.Assignment.Id}", AssignmentResponse.From(status));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RemoveAssignmentAsync(
        long id, ClaimsPrincipal user, RapportDbContext db, TrainingAssignments assignments, CancellationToken cancellationToken)
    {
        if (await assignments.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } assignment)
        {
            return NotFound.Problem("Training assignment", id);
        }

        if (await TrainingAccess.WhyCannotAssignAsync(user, db, assignment.AgentId, cancellationToken).ConfigureAwait(false) is { } reason)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed to withdraw training", detail: reason);
        }

        await assignments.RemoveAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<ProgressResponse[]>> ProgressAsync(
        ClaimsPrincipal user, RapportDbContext db, TrainingProgress progress, CancellationToken cancellationToken, long? agentId = null, long? teamId = null)
    {
        var visible = await TrainingAccess.VisibleAgentsAsync(user, db, agentId, teamId, cancellationToken).ConfigureAwait(false);
        var list = await progress.ForAgentsAsync(visible.ToList(), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(ProgressResponse.From).ToArray());
    }
}
