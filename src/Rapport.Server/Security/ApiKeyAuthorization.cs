using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Rapport.Desk.ApiKeys;

namespace Rapport.Server.Security;

/// <summary>The ApiKey scheme (and the workspace cookie) and one policy per scope; <see cref="RequireApiKey"/> picks the policy from the HTTP method.</summary>
internal static class ApiKeyAuthorization
{
    public const string Scheme = "ApiKey";
    public const string ScopeClaim = "scope";
    public const string ReadPolicy = "api-read";
    public const string WritePolicy = "api-write";
    public const string AdminPolicy = "api-admin";

    public static string ScopeName(ApiKeyScope scope) => scope switch
    {
        ApiKeyScope.Read => "read",
        ApiKeyScope.Write => "write",
        ApiKeyScope.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };

    /// <summary>
    /// The ApiKey scheme beside the workspace cookie (<see cref="AgentCookies"/>); the "Desk" policy scheme picks one per
    /// request, so every API endpoint accepts a key or a signed-in agent (whose cookie carries read and write scopes).
    /// </summary>
    public static void AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyCache>();
        services.AddAuthentication(AgentCookies.DeskScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(Scheme, null)
            .AddAgentCookies();
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, p => p.AddAuthenticationSchemes(AgentCookies.DeskScheme).RequireClaim(ScopeClaim, ScopeName(ApiKeyScope.Read)))
            .AddPolicy(WritePolicy, p => p.AddAuthenticationSchemes(AgentCookies.DeskScheme).RequireClaim(ScopeClaim, ScopeName(ApiKeyScope.Write)))
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(AgentCookies.DeskScheme).RequireClaim(ScopeClaim, ScopeName(ApiKeyScope.Admin)));
    }

    /// <summary>
    /// Every endpoint in the group needs a key: GET and HEAD the read scope, other methods write. An endpoint without
    /// method metadata gets admin, so a mistake fails closed.
    /// </summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            var policy = methods.Count == 0 ? AdminPolicy
                : methods.All(m => HttpMethods.IsGet(m) || HttpMethods.IsHead(m)) ? ReadPolicy
                : WritePolicy;
            endpoint.Metadata.Add(new AuthorizeAttribute(policy));
        });
        return builder;
    }
}
