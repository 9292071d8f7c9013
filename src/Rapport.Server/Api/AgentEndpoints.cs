using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Desk.Agents;
using Rapport.Server.Api.Contracts;

namespace Rapport.Server.Api;

/// <summary><c>/api/v1/agents</c>: list (paged), get, create, update.</summary>
internal static class AgentEndpoints
{
    private const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapAgents(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/agents").WithTags("Agents");
        group.MapGet("", ListAsync).WithName("ListAgents").WithSummary("Lists agents by id, a page at a time.");
        group.MapGet("/{id:long}", GetAsync).WithName("GetAgent").WithSummary("Gets an agent.");
        group.MapPost("", CreateAsync).WithName("CreateAgent").WithSummary("Creates an agent.").ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:long}", UpdateAsync).WithName("UpdateAgent").WithSummary("Replaces an agent's fields.").ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    internal static async Task<Results<Ok<PageResponse<AgentResponse>>, ValidationProblem>> ListAsync(
        AgentService agents, CancellationToken cancellationToken, int page = 1, int pageSize = 25)
    {
        var validator = new RequestValidator();
        validator.Range("page", page, 1, int.MaxValue / MaxPageSize);
        validator.Range("pageSize", pageSize, 1, MaxPageSize);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var (items, total) = await agents.ListAgentsAsync(page, pageSize, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new PageResponse<AgentResponse>([.. items.Select(AgentResponse.From)], page, pageSize, total));
    }

    internal static async Task<Results<Ok<AgentResponse>, ProblemHttpResult>> GetAsync(long id, AgentService agents, CancellationToken cancellationToken) =>
        await agents.GetAgentAsync(id, cancellationToken).ConfigureAwait(false) is { } agent
            ? TypedResults.Ok(AgentResponse.From(agent))
            : NotFound.Problem("Agent", id);

    internal static async Task<Results<Created<AgentResponse>, ValidationProblem>> CreateAsync(
        AgentRequest request, AgentService agents, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        if (Validate(validator, request) is not { } fields)
        {
            return validator.Problem();
        }

        var agent = (await agents.SaveAgentAsync(null, fields, cancellationToken).ConfigureAwait(false))!;
        return TypedResults.Created($"/api/v1/agents/{agent.Id}", AgentResponse.From(agent));
    }

    internal static async Task<Results<Ok<AgentResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, AgentRequest request, AgentService agents, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        if (Validate(validator, request) is not { } fields)
        {
            return validator.Problem();
        }

        return await agents.SaveAgentAsync(id, fields, cancellationToken).ConfigureAwait(false) is { } agent
            ? TypedResults.Ok(AgentResponse.From(agent))
            : NotFound.Problem("Agent", id);
    }

    private static AgentFields? Validate(RequestValidator validator, AgentRequest request)
    {
        var name = validator.Text("name", request.Name, required: true, maxLength: 200);
        var email = validator.Text("email", request.Email, required: true, maxLength: 320);
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace)))
        {
            validator.Add("email", $"'{email}' is not an e-mail address.");
        }

        var role = validator.Enum<AgentRole>("role", request.Role, required: false) ?? AgentRole.Agent;
        return validator.IsValid && name is not null && email is not null ? new AgentFields(name.Trim(), email.Trim(), request.TeamId, role) : null;
    }
}
