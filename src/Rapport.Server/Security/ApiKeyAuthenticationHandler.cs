using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Rapport.Desk.ApiKeys;

namespace Rapport.Server.Security;

/// <summary>
/// The "ApiKey" scheme: reads <c>Authorization: Bearer rpt_...</c> or <c>X-Api-Key: rpt_...</c>, checks it with
/// <see cref="ApiKeyService"/> and answers 401/403 as problem details.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache cache, IProblemDetailsService problems,
    FailedKeyAttempts failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ReadToken(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        if (!cache.TryGet(token, out var key))
        {
            // Resolved only on a miss: a cached key costs no database connection.
            var keys = Context.RequestServices.GetRequiredService<ApiKeyService>();
            if (await keys.AuthenticateAsync(token, Context.RequestAborted).ConfigureAwait(false) is not { } stored)
            {
                failures.RecordFailure(FailedKeyAttempts.AddressOf(Context));
                return AuthenticateResult.Fail("The API key is not valid or has been revoked.");
            }

            key = cache.Add(token, stored);
        }

        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, key.Name),
        ];

        // Scopes are ordered: a key carries its own scope and every lower one, so a policy asks for one claim.
        foreach (var scope in Enum.GetValues<ApiKeyScope>())
        {
            if (scope <= key.Scope)
            {
                claims.Add(new Claim(ApiKeyAuthorization.ScopeClaim, ApiKeyAuthorization.ScopeName(scope)));
            }
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var missing = result.None;
        await WriteProblemAsync(
            StatusCodes.Status401Unauthorized,
            missing ? "API key required" : "API key not valid",
            missing
                ? "Send an API key in 'Authorization: Bearer rpt_...' or 'X-Api-Key: rpt_...'."
                : "The API key is unknown, malformed or revoked.").ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync(
            StatusCodes.Status403Forbidden,
            "Insufficient scope",
            "This API key's scope does not allow this operation: reading needs read, changes need write, key management needs admin.");
    }

    private async Task WriteProblemAsync(int status, string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);

    /// <summary>True when the request carries an API key header (valid or not): then the key, not a cookie, decides.</summary>
    public static bool HasKey(HttpRequest request) => ReadToken(request) is not null;

    private static string? ReadToken(HttpRequest request)
    {
        if (request.Headers[HeaderName].ToString() is { Length: > 0 } apiKey)
        {
            return apiKey.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) && authorization.Length > bearer.Length
            ? authorization[bearer.Length..].Trim()
            : null;
    }
}
