using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Desk.Agents;
using Rapport.Desk.Conversations;
using Rapport.Server.Security;

namespace Rapport.Server.Api;

/// <summary>
/// What the SLA and follow-up lists show a caller, the inbox's rule (docs/sla.md, docs/follow-ups.md): an API key or an
/// admin everything; a signed-in lead their team's (and unassigned, and their own); an agent their own. Naming another
/// team is a 403, not an empty list.
/// </summary>
internal static class LeadScope
{
    /// <summary>The caller's visibility (null: everything), or a 403 when <paramref name="teamId"/> names a team they do not see.</summary>
    public static (ConversationVisibility? Visibility, ProblemHttpResult? Forbidden) Of(ClaimsPrincipal user, long? teamId)
    {
        if (SignedInAgent.From(user) is not { Role: not AgentRole.Admin } caller)
        {
            return (null, null);
        }

        if (teamId is { } team && team != caller.TeamId)
        {
            return (null, Forbidden("You see your own team only."));
        }

        return (caller.Visibility, null);
    }

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Outside what you can see", detail: detail);
}
