using Microsoft.Extensions.Options;
using Rapport.Desk.Widget;

namespace Rapport.Server.Widget;

/// <summary>
/// Which web pages may use the widget's endpoints: the desk's own origin and <see cref="WidgetOptions.AllowedOrigins"/>.
/// CORS answers preflights, but browsers do not apply CORS to WebSockets and a CORS refusal only hides the response,
/// so the endpoints also check the Origin header themselves. A request without Origin (curl, a server) is not a web
/// page acting for a visitor and is let through; it could send any Origin it liked anyway.
/// </summary>
internal sealed class WidgetOrigins
{
    public const string CorsPolicy = "widget";

    private readonly HashSet<string> _allowed;

    public WidgetOrigins(IOptions<WidgetOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allowed = new HashSet<string>(options.Value.AllowedOrigins.Select(Normalize).OfType<string>(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether a page from <paramref name="origin"/> on another site may use the widget.</summary>
    public bool IsConfigured(string origin) => Normalize(origin) is { } o && _allowed.Contains(o);

    /// <summary>True when the request carries no Origin, or its own origin, or a configured one.</summary>
    public bool IsAllowed(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        return string.Equals(Normalize(origin), Normalize($"{request.Scheme}://{request.Host}"), StringComparison.OrdinalIgnoreCase)
            || IsConfigured(origin);
    }

    /// <summary><c>scheme://host[:port]</c> without a default port or trailing slash; null for anything else ("null", a path).</summary>
    internal static string? Normalize(string? origin) =>
        Uri.TryCreate(origin?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.AbsolutePath == "/" && uri.Query.Length == 0
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;
}
