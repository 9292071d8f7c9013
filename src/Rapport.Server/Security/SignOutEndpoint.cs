using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace Rapport.Server.Security;

/// <summary><c>POST /signout</c>: a form with an anti-forgery token (the workspace header's button) ends the session.</summary>
internal static class SignOutEndpoint
{
    public static void MapSignOut(this IEndpointRouteBuilder app) =>
        app.MapPost(AgentCookies.SignOutPath, async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Sign-out form expired", detail: "Reload the page and sign out again.");
            }

            await context.SignOutAsync(AgentCookies.Scheme).ConfigureAwait(false);
            return Results.LocalRedirect(AgentCookies.SignInPath + "?signedOut=1");
        }).ExcludeFromDescription().DisableAntiforgery();
}
