using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Rapport.Server.Security;

/// <summary>
/// The workspace's sign-in cookie, and the "Desk" scheme that picks it or the API key: a request that carries an API
/// key header is judged by its key; any other request by its cookie. API calls without either get the API key's 401
/// problem details, never a redirect to the sign-in page.
/// </summary>
internal static class AgentCookies
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string DeskScheme = "Desk";
    public const string CookieName = "rapport.signin";
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";

    public static AuthenticationBuilder AddAgentCookies(this AuthenticationBuilder builder) => builder
        .AddCookie(Scheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            // Strict: no other site can make a browser send it, which is what keeps the cookie-authenticated JSON API
            // and the sign-out form safe from cross-site requests (besides the anti-forgery tokens on forms).
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            o.LoginPath = SignInPath;
            o.LogoutPath = SignOutPath;
            o.AccessDeniedPath = SignInPath;
            o.Events.OnRedirectToLogin = context => IsApi(context.Request)
                ? context.HttpContext.ChallengeAsync(ApiKeyAuthorization.Scheme)
                : Redirect(context);
            o.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
                ? context.HttpContext.ForbidAsync(ApiKeyAuthorization.Scheme)
                : Redirect(context);
        })
        .AddPolicyScheme(DeskScheme, "API key or workspace sign-in", o =>
            o.ForwardDefaultSelector = context => ApiKeyAuthenticationHandler.HasKey(context.Request) ? ApiKeyAuthorization.Scheme : Scheme);

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
