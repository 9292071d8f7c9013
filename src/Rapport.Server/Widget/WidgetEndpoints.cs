using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using Rapport.Desk.Widget;
using Rapport.Server.Api;
using Rapport.Server.Live;

namespace Rapport.Server.Widget;

/// <summary>
/// The website chat widget (docs/widget.md): <c>POST /widget/conversations</c> starts a chat and returns its token,
/// <c>GET /widget/socket</c> is the chat itself (WebSocket), <c>/widget/rapport-widget.js</c> is the script a site
/// includes (a static file), <c>/widget-demo</c> a demo shop page that includes it. No sign-in: the token is the
/// visitor's only credential.
/// </summary>
internal static class WidgetEndpoints
{
    public const string StartPath = "/widget/conversations";
    public const string SocketPath = "/widget/socket";
    public const string DemoPath = "/widget-demo";

    private static readonly Lazy<string> DemoPage = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Rapport.Server.Widget.demo.html")
            ?? throw new InvalidOperationException("The widget demo page is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IEndpointRouteBuilder MapWidget(this IEndpointRouteBuilder app)
    {
        app.MapPost(StartPath, StartAsync)
            .RequireCors(WidgetOrigins.CorsPolicy)
            .RequireRateLimiting(WidgetRateLimits.ConnectionsPolicy)
            .DisableAntiforgery()
            .ExcludeFromDescription();
        app.MapGet(SocketPath, ConnectAsync)
            .RequireRateLimiting(WidgetRateLimits.ConnectionsPolicy)
            .ExcludeFromDescription();
        app.MapGet(DemoPath, () => TypedResults.Content(DemoPage.Value, "text/html; charset=utf-8")).ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<Created<WidgetStarted>, ValidationProblem, ProblemHttpResult>> StartAsync(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WidgetStartRequest? request,
        WidgetOrigins origins, WidgetService widget, ConversationFeed feed, IOptions<WidgetOptions> options, HttpContext context, CancellationToken cancellationToken)
    {
        if (!origins.IsAllowed(context.Request))
        {
            return ForeignOrigin(context);
        }

        var validator = new RequestValidator();
        var name = validator.Text("name", request?.Name, required: false, maxLength: 200);
        var email = validator.Text("email", request?.Email, required: false, maxLength: 320);
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.Any(char.IsWhiteSpace)))
        {
            validator.Add("email", "'email' is not an e-mail address.");
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var started = await widget.StartAsync(name, email, cancellationToken).ConfigureAwait(false);
        feed.Publish(new ConversationChange(null));
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created(SocketPath, new WidgetStarted(started.Token, started.ExpiresAt, SocketPath, options.Value.MaxMessageLength));
    }

    internal static async Task<IResult> ConnectAsync(
        WidgetOrigins origins, IServiceScopeFactory scopes, ConversationFeed feed, WidgetRateLimits limits, IOptions<WidgetOptions> options,
        ILoggerFactory loggers, IHostApplicationLifetime lifetime, HttpContext context)
    {
        if (!origins.IsAllowed(context.Request))
        {
            return ForeignOrigin(context);
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a WebSocket request",
                detail: $"{SocketPath} speaks the widget's protocol over a WebSocket (docs/widget.md).");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var session = new WidgetSocketSession(socket, scopes, feed, limits, options.Value, WidgetRateLimits.AddressOf(context), loggers.CreateLogger<WidgetSocketSession>());
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping, context.RequestAborted);
        await session.RunAsync(lifetime.ApplicationStopping, ended.Token).ConfigureAwait(false);
        return TypedResults.Empty;
    }

    private static ProblemHttpResult ForeignOrigin(HttpContext context) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Origin not allowed",
            detail: $"Pages from {context.Request.Headers.Origin} may not use this chat; the desk's administrator lists allowed sites in Rapport:Widget:AllowedOrigins.");
}

/// <summary>Optional details the visitor gives before the first message.</summary>
internal sealed record WidgetStartRequest(string? Name, string? Email);

/// <summary>The started chat: keep the token (the widget keeps it in localStorage) and open the socket with it.</summary>
internal sealed record WidgetStarted(string Token, DateTimeOffset ExpiresAt, string Socket, int MaxLength);
