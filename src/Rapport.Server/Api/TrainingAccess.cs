using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Agents;
using Rapport.Desk.Data;
using Rapport.Server.Security;

namespace Rapport.Server.Api;

/// <summary>
/// Whose training a caller may see and assign. An API key (an integration) sees every agent; a signed-in agent's
/// cookie follows the workspace's roles: an agent sees only their own progress and cannot assign, a lead sees and
/// assigns within their team, an admin everything.
/// </summary>
internal static class TrainingAccess
{
    /// <summary>The agents whose training <paramref name="user"/> may see, narrowed by the optional filters.</summary>
    public static async Task<IReadOnlyList<long>> VisibleAgentsAsync(
        ClaimsPrincipal user, RapportDbContext db, long? agentId, long? teamId, CancellationToken cancellationToken)
    {
        var query = db.Agents.AsNoTracking();
        if (SignedInAgent.From(user) is { } caller)
        {
            query = caller.Role switch
            {
                AgentRole.Admin => query,
                AgentRole.Lead when caller.TeamId is { } team => query.Where(a => a.TeamId == team || a.Id == caller.Id),
                _ => query.Where(a => a.Id == caller.Id),
            };
        }

        if (agentId is { } agent)
        {
            query = query.Where(a => a.Id == agent);
        }

        if (teamId is { } t)
        {
            query = query.Where(a => a.TeamId == t);
        }

        return await query.Select(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Null when <paramref name="user"/> may assign training to <paramref name="agentId"/>; otherwise why not.</summary>
    public static async Task<string?> WhyCannotAssignAsync(ClaimsPrincipal user, RapportDbContext db, long agentId, CancellationToken cancellationToken)
    {
        if (SignedInAgent.From(user) is not { } caller || caller.Role == AgentRole.Admin)
        {
            return null;
        }

        if (caller.Role != AgentRole.Lead)
        {
            return "Only leads and admins assign training.";
        }

        var team = await db.Agents.AsNoTracking().Where(a => a.Id == agentId).Select(a => a.TeamId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return team is not null && team == caller.TeamId ? null : "A lead assigns training only to agents of their own team.";
    }
}
