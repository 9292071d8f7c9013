using System.Reflection;

namespace Rapport.Server.Api;

/// <summary><c>/docs</c>: a self-contained API reference page that lists the operations of /openapi/v1.json (nothing loaded from a CDN).</summary>
internal static class DocsEndpoints
{
    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Rapport.Server.Docs.index.html")
            ?? throw new InvalidOperationException("The API reference page is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IEndpointRouteBuilder MapDocs(this IEndpointRouteBuilder app)
    {
        app.MapGet("/docs", () => TypedResults.Content(Page.Value, "text/html; charset=utf-8")).ExcludeFromDescription();
        return app;
    }
}
