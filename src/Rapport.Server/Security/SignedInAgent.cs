using System.Globalization;
using System.Security.Claims;
using Rapport.Desk.Agents;
using Rapport.Desk.ApiKeys;
using Rapport.Desk.Conversations;

namespace Rapport.Server.Security;

/// <summary>The agent behind a workspace cookie: id, name, role and team, as claims and back.</summary>
internal sealed record SignedInAgent(long Id, string Name, string Email, AgentRole Role, long? TeamId)
{
    public const string TeamClaim = "team";

    /// <summary>The role names used as <see cref="ClaimTypes.Role"/> claims.</summary>
    public static string RoleName(AgentRole role) => role switch
    {
        AgentRole.Lead => "lead",
        AgentRole.Admin => "admin",
        _ => "agent",
    };

    /// <summary>What the agent sees in the inbox: an admin everything, a lead their team and unassigned, an agent their own and unassigned.</summary>
    public ConversationVisibility? Visibility => Role switch
    {
        AgentRole.Admin => null,
        AgentRole.Lead => new ConversationVisibility(Id, TeamId),
        _ => new ConversationVisibility(Id, null),
    };

    public static SignedInAgent Of(Agent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new SignedInAgent(agent.Id, agent.Name, agent.Email, agent.Role, agent.TeamId);
    }

    /// <summary>The cookie's principal. Signed-in agents may also call the API: read and write, and admins key management.</summary>
    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, Name),
            new(ClaimTypes.Email, Email),
            new(ClaimTypes.Role, RoleName(Role)),
            new(ApiKeyAuthorization.ScopeClaim, ApiKeyAuthorization.ScopeName(ApiKeyScope.Read)),
            new(ApiKeyAuthorization.ScopeClaim, ApiKeyAuthorization.ScopeName(ApiKeyScope.Write)),
        ];
        if (Role == AgentRole.Admin)
        {
            claims.Add(new Claim(ApiKeyAuthorization.ScopeClaim, ApiKeyAuthorization.ScopeName(ApiKeyScope.Admin)));
        }

        if (TeamId is { } team)
        {
            claims.Add(new Claim(TeamClaim, team.ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The agent signed in with a workspace cookie; null for anyone else (an API key, nobody).</summary>
    public static SignedInAgent? From(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true, AuthenticationType: AgentCookies.Scheme }
            || !long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        var role = user.FindFirstValue(ClaimTypes.Role) switch
        {
            "admin" => AgentRole.Admin,
            "lead" => AgentRole.Lead,
            _ => AgentRole.Agent,
        };
        long? team = long.TryParse(user.FindFirstValue(TeamClaim), CultureInfo.InvariantCulture, out var t) ? t : null;
        return new SignedInAgent(id, user.FindFirstValue(ClaimTypes.Name) ?? "", user.FindFirstValue(ClaimTypes.Email) ?? "", role, team);
    }
}
