using System.Net;
using System.Text.RegularExpressions;

namespace Rapport.LoadTest;

/// <summary>An HTTP client signed in to the workspace the way a browser is: the sign-in form with its anti-forgery token.</summary>
internal static partial class WorkspaceClient
{
    public static async Task<HttpClient> SignInAsync(Uri server, string email, string password, CancellationToken cancellationToken)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server };
        var form = await client.GetStringAsync(new Uri("/signin", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        var token = AntiforgeryToken().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException("the sign-in page has no anti-forgery token");
        }

        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = "signin",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var response = await client.PostAsync(new Uri("/signin", UriKind.Relative), body, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
        {
            throw new InvalidOperationException($"signing in as {email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", RegexOptions.None, 1000)]
    private static partial Regex AntiforgeryToken();
}
