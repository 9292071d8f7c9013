using System.Security.Claims;
using Rapport.Desk.Agents;
using Rapport.Server.Api;
using Rapport.Server.Components.Workspace;
using Rapport.Server.Security;

namespace Rapport.Server.Tests.Knowledge;

public sealed class KnowledgeAccessTests
{
    [Theory]
    [InlineData(AgentRole.Admin, true)]
    [InlineData(AgentRole.Lead, true)]
    [InlineData(AgentRole.Agent, false)]
    public void WhyCannotManage_SignedInRoles_OnlyLeadsAndAdminsManage(AgentRole role, bool allowed)
    {
        var user = new SignedInAgent(7, "Kim", "kim@example.com", role, null).ToPrincipal(AgentCookies.Scheme);

        Assert.Equal(allowed, KnowledgeAccess.WhyCannotManage(user) is null);
    }

    [Fact]
    public void WhyCannotManage_ApiKeyCaller_LeavesItToTheKeysScope() =>
        Assert.Null(KnowledgeAccess.WhyCannotManage(new ClaimsPrincipal(new ClaimsIdentity("ApiKey"))));

    [Fact]
    public void ToHtml_RawHtmlAndScriptLinks_AreNeverRendered()
    {
        var html = MarkdownPreview.ToHtml("## Steps\n\n<img src=x onerror=alert(1)> [a](javascript:alert(1)) [b](https://example.com) ![c](data:image/png;base64,AA) [d](/help)");

        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data:image", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/help\"", html, StringComparison.Ordinal);
    }
}
