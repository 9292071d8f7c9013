using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Desk.Agents;
using Rapport.Server.Api.Contracts;

namespace Rapport.Server.Api;

/// <summary><c>/api/v1/teams</c>: list, get (with agents), create, rename.</summary>
internal static class TeamEndpoints
{
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/teams").WithTags("Teams");
        group.MapGet("", ListAsync).WithName("ListTeams").WithSummary("Lists the teams.");
        group.MapGet("/{id:long}", GetAsync).WithName("GetTeam").WithSummary("Gets a team with its agents.");
        group.MapPost("", CreateAsync).WithName("CreateTeam").WithSummary("Creates a team.").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:long}", UpdateAsync).WithName("UpdateTeam").WithSummary("Renames a team.").ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    internal static async Task<Ok<TeamResponse[]>> ListAsync(AgentService agents, CancellationToken cancellationToken) =>
        TypedResults.Ok((await agents.ListTeamsAsync(cancellationToken).ConfigureAwait(false)).Select(t => TeamResponse.From(t, withAgents: false)).ToArray());

    internal static async Task<Results<Ok<TeamResponse>, ProblemHttpResult>> GetAsync(long id, AgentService agents, CancellationToken cancellationToken) =>
        await agents.GetTeamAsync(id, cancellationToken).ConfigureAwait(false) is { } team
            ? TypedResults.Ok(TeamResponse.From(team, withAgents: true))
            : NotFound.Problem("Team", id);

    internal static async Task<Results<Created<TeamResponse>, ValidationProblem>> CreateAsync(TeamRequest request, AgentService agents, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        if (validator.Text("name", request.Name, required: true, maxLength: 200) is not { } name)
        {
            return validator.Problem();
        }

        var team = (await agents.SaveTeamAsync(null, name.Trim(), cancellationToken).ConfigureAwait(false))!;
        return TypedResults.Created($"/api/v1/teams/{team.Id}", TeamResponse.From(team, withAgents: false));
    }

    internal static async Task<Results<Ok<TeamResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, TeamRequest request, AgentService agents, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        if (validator.Text("name", request.Name, required: true, maxLength: 200) is not { } name)
        {
            return validator.Problem();
        }

        return await agents.SaveTeamAsync(id, name.Trim(), cancellationToken).ConfigureAwait(false) is { } team
            ? TypedResults.Ok(TeamResponse.From(team, withAgents: false))
            : NotFound.Problem("Team", id);
    }
}
