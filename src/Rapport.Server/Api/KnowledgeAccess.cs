using System.Security.Claims;
using Rapport.Desk.Agents;
using Rapport.Server.Security;

namespace Rapport.Server.Api;

/// <summary>
/// Who may change the knowledge base (docs/knowledge-base.md, *Access*): an API key with the write scope (an
/// integration, <c>rapport kb import</c>) and signed-in admins and leads; a signed-in agent reads and searches only.
/// Checked by the API and by the workspace page alike, so hiding a button is never the only guard.
/// </summary>
internal static class KnowledgeAccess
{
    /// <summary>Null when <paramref name="user"/> may create, edit and delete articles; otherwise why not.</summary>
    public static string? WhyCannotManage(ClaimsPrincipal user) =>
        SignedInAgent.From(user) is { Role: AgentRole.Agent } ? "Only leads and admins change the knowledge base; agents can read and search it." : null;
}
