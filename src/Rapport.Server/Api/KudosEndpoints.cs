using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Data;
using Rapport.Desk.Recognition;
using Rapport.Server.Api.Contracts;
using Rapport.Server.Security;

namespace Rapport.Server.Api;

/// <summary><c>/api/v1/kudos</c>: the kudos wall, giving kudos, and the suggestions leads accept or dismiss (docs/recognition.md).</summary>
internal static class KudosEndpoints
{
    public static IEndpointRouteBuilder MapKudos(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/kudos").WithTags("Kudos");
        group.MapGet("", ListAsync).WithName("ListKudos")
            .WithSummary("The kudos wall, newest first (at most 100); teamId and agentId filter. A signed-in agent or lead sees their own team.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", GiveAsync).WithName("GiveKudos")
            .WithSummary("Gives kudos to a teammate with a short note (at most 280 characters), optionally about a conversation and one of the agent's replies.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/suggestions", SuggestionsAsync).WithName("ListKudosSuggestions")
            .WithSummary("Pending suggestions for leads with their evidence: a reply that scored at least 90 and the customer's satisfaction of 5 or praise by name.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/suggestions/{id:long}/accept", AcceptAsync).WithName("AcceptKudosSuggestion")
            .WithSummary("Accepts a suggestion (id: the quoted reply's message id): it becomes kudos from the caller. Decided once (409).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/suggestions/{id:long}/dismiss", DismissAsync).WithName("DismissKudosSuggestion")
            .WithSummary("Dismisses a suggestion. Decided once (409).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    internal static async Task<Results<Ok<KudosResponse[]>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, RapportDbContext db, KudosService kudos, CancellationToken cancellationToken, long? teamId = null, long? agentId = null)
    {
        if (await MissingFilterAsync(db, teamId, agentId, cancellationToken).ConfigureAwait(false) is { } missing)
        {
            return missing;
        }

        var visible = await KudosAccess.AgentsAsync(user, db, teamId, agentId, cancellationToken).ConfigureAwait(false);
        if (visible.Forbidden is { } reason)
        {
            return Forbidden(reason);
        }

        var cards = await kudos.ListAsync(visible.AgentIds, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(cards.Select(KudosResponse.From).ToArray());
    }

    internal static async Task<Results<Created<KudosResponse>, ValidationProblem, ProblemHttpResult>> GiveAsync(
        KudosRequest request, ClaimsPrincipal user, RapportDbContext db, KudosService kudos, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        var message = validator.Text("message", request.Message, required: true, maxLength: Kudos.MaxMessageLength);
        if (request.AgentId is null)
        {
            validator.Add("agentId", "'agentId' is required.");
        }

        var caller = SignedInAgent.From(user);
        if (caller is null && request.FromAgentId is null)
        {
            validator.Add("fromAgentId", "'fromAgentId' is required with an API key: the agent or lead who gives the kudos.");
        }

        if (!validator.IsValid || message is null || request.AgentId is not { } agentId)
        {
            return validator.Problem();
        }

        if (caller is not null && request.FromAgentId is { } claimed && claimed != caller.Id)
        {
            return Forbidden("A signed-in agent gives kudos as themselves.");
        }

        if (await KudosAccess.WhyCannotGiveAsync(user, db, agentId, cancellationToken).ConfigureAwait(false) is { } reason)
        {
            return Forbidden(reason);
        }

        var given = await kudos.GiveAsync(agentId, caller?.Id ?? request.FromAgentId!.Value, message, request.ConversationId, request.MessageId, cancellationToken).ConfigureAwait(false);
        var card = (await kudos.ListAsync([agentId], cancellationToken).ConfigureAwait(false)).First(c => c.Kudos.Id == given.Id);
        return TypedResults.Created($"/api/v1/kudos?agentId={agentId}", KudosResponse.From(card));
    }

    internal static async Task<Results<Ok<KudosSuggestionResponse[]>, ProblemHttpResult>> SuggestionsAsync(
        ClaimsPrincipal user, RapportDbContext db, KudosSuggestions suggestions, CancellationToken cancellationToken, long? teamId = null)
    {
        if (await MissingFilterAsync(db, teamId, null, cancellationToken).ConfigureAwait(false) is { } missing)
        {
            return missing;
        }

        if (KudosAccess.WhyCannotReview(user) is { } cannot)
        {
            return Forbidden(cannot);
        }

        var visible = await KudosAccess.AgentsAsync(user, db, teamId, null, cancellationToken).ConfigureAwait(false);
        if (visible.Forbidden is { } reason)
        {
            return Forbidden(reason);
        }

        var pending = await suggestions.PendingAsync(visible.AgentIds, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(pending.Select(KudosSuggestionResponse.From).ToArray());
    }

    internal static async Task<Results<Created<KudosResponse>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        long id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] KudosAcceptRequest? request, ClaimsPrincipal user,
        KudosSuggestions suggestions, KudosService kudos, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        var note = validator.Text("note", request?.Note, required: false, maxLength: Kudos.MaxMessageLength);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var (problem, decision) = await DecideAsync(id, accept: true, note, user, suggestions, kudos, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var card = (await kudos.ListAsync([decision!.Kudos!.AgentId], cancellationToken).ConfigureAwait(false)).First(c => c.Kudos.Id == decision.Kudos.Id);
        return TypedResults.Created($"/api/v1/kudos?agentId={card.Kudos.AgentId}", KudosResponse.From(card));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DismissAsync(
        long id, ClaimsPrincipal user, KudosSuggestions suggestions, KudosService kudos, CancellationToken cancellationToken)
    {
        var (problem, _) = await DecideAsync(id, accept: false, null, user, suggestions, kudos, cancellationToken).ConfigureAwait(false);
        return problem is null ? TypedResults.NoContent() : problem;
    }

    private static async Task<(ProblemHttpResult? Problem, KudosDecision? Decision)> DecideAsync(
        long id, bool accept, string? note, ClaimsPrincipal user, KudosSuggestions suggestions, KudosService kudos, CancellationToken cancellationToken)
    {
        if (await suggestions.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return (TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Kudos suggestion not found",
                detail: $"There is no kudos suggestion with id {id} (a suggestion's id is the id of the reply it quotes)."), null);
        }

        if (KudosAccess.WhyCannotDecide(user, found.Suggestion.TeamId) is { } reason)
        {
            return (Forbidden(reason), null);
        }

        var decision = found.Decided
            ? new KudosDecision(KudosDecisionOutcome.AlreadyDecided, null)
            : await kudos.DecideAsync(found.Suggestion, accept, SignedInAgent.From(user)?.Id, note, cancellationToken).ConfigureAwait(false);
        return decision.Outcome == KudosDecisionOutcome.AlreadyDecided
            ? (TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Suggestion already decided",
                detail: $"Kudos suggestion {id} has already been accepted or dismissed."), null)
            : (null, decision);
    }

    // The team or agent named in the query must exist: 404 otherwise.
    private static async Task<ProblemHttpResult?> MissingFilterAsync(RapportDbContext db, long? teamId, long? agentId, CancellationToken cancellationToken)
    {
        if (teamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, cancellationToken).ConfigureAwait(false))
        {
            return NotFound.Problem("Team", team);
        }

        if (agentId is { } agent && !await db.Agents.AnyAsync(a => a.Id == agent, cancellationToken).ConfigureAwait(false))
        {
            return NotFound.Problem("Agent", agent);
        }

        return null;
    }

    private static ProblemHttpResult Forbidden(string reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: reason);
}
