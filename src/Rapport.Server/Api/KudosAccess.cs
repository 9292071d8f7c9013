using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Agents;
using Rapport.Desk.Data;
using Rapport.Server.Security;

namespace Rapport.Server.Api;

/// <summary>
/// Who sees which kudos and suggestions (docs/recognition.md). An API key or an admin sees every team; a signed-in lead
/// or agent sees their own team's wall; suggestions are for leads (and admins and keys); kudos go to a teammate.
/// </summary>
internal static class KudosAccess
{
    /// <summary>The outcome of a visibility check: the agents in view, or a 403 reason.</summary>
    public sealed record Visible(IReadOnlyList<long> AgentIds, string? Forbidden);

    /// <summary>The agents whose kudos <paramref name="user"/> may see, narrowed by the filters (which must exist: checked by the caller).</summary>
    public static async Task<Visible> AgentsAsync(ClaimsPrincipal user, RapportDbContext db, long? teamId, long? agentId, CancellationToken cancellationToken)
    {
        var query = db.Agents.AsNoTracking();
        if (SignedInAgent.From(user) is { Role: not AgentRole.Admin } caller)
        {
            if (teamId is { } t && t != caller.TeamId)
            {
                return new Visible([], "You see the kudos and suggestions of your own team only.");
            }

            query = caller.TeamId is { } team ? query.Where(a => a.TeamId == team) : query.Where(a => a.Id == caller.Id);
        }

        if (teamId is { } filter)
        {
            query = query.Where(a => a.TeamId == filter);
        }

        if (agentId is { } agent)
        {
            query = query.Where(a => a.Id == agent);
        }

        var ids = await query.Select(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return agentId is not null && ids.Count == 0
            ? new Visible([], "That agent is not in a team you can see.")
            : new Visible(ids, null);
    }

    /// <summary>Null when <paramref name="user"/> may see and decide suggestions; otherwise why not.</summary>
    public static string? WhyCannotReview(ClaimsPrincipal user) =>
        SignedInAgent.From(user) is { Role: AgentRole.Agent } ? "Kudos suggestions are for leads." : null;

    /// <summary>Null when <paramref name="user"/> may decide a suggestion for an agent of <paramref name="teamId"/>.</summary>
    public static string? WhyCannotDecide(ClaimsPrincipal user, long? teamId) => SignedInAgent.From(user) switch
    {
        null or { Role: AgentRole.Admin } => null,
        { Role: AgentRole.Lead } lead when lead.TeamId is not null && lead.TeamId == teamId => null,
        { Role: AgentRole.Lead } => "A lead decides suggestions for their own team only.",
        _ => "Kudos suggestions are for leads.",
    };

    /// <summary>Null when <paramref name="user"/> may give kudos to <paramref name="agentId"/> (an unknown agent passes: the desk answers 422).</summary>
    public static async Task<string?> WhyCannotGiveAsync(ClaimsPrincipal user, RapportDbContext db, long agentId, CancellationToken cancellationToken)
    {
        if (SignedInAgent.From(user) is not { Role: not AgentRole.Admin } caller)
        {
            return null;
        }

        var team = await db.Agents.AsNoTracking().Where(a => a.Id == agentId).Select(a => new { a.TeamId }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return team is null || (team.TeamId is not null && team.TeamId == caller.TeamId) ? null : "Kudos go to a teammate: this agent is in another team.";
    }
}
