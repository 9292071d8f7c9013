using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rapport.Desk.Widget;

namespace Rapport.Server.Widget;

/// <summary>Registers the widget's services, its CORS policy and its rate limiter policy.</summary>
internal static class WidgetSetup
{
    /// <summary>How often the server pings an idle socket, so proxies keep it open and dead ones are noticed.</summary>
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);

    public static void AddRapportWidget(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WidgetOptions>().BindConfiguration(WidgetOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<WidgetService>();
        builder.Services.AddSingleton<WidgetOrigins>();
        builder.Services.AddSingleton<WidgetRateLimits>();

        // TryAdd: a test host may register its own responder in configure.
        builder.Services.TryAddScoped<IWidgetResponder, AssistantWidgetResponder>();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<WidgetOrigins>((cors, origins) => cors.AddPolicy(WidgetOrigins.CorsPolicy, policy => policy
            .SetIsOriginAllowed(origins.IsConfigured)
            .WithMethods(HttpMethods.Post)
            .WithHeaders("Content-Type")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        builder.Services.AddRateLimiter(o => o.AddPolicy<string, WidgetRateLimits.Connections>(WidgetRateLimits.ConnectionsPolicy));
    }

    /// <summary>WebSockets and CORS, before the rate limiter (a preflight is not a chat started).</summary>
    public static void UseRapportWidget(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = KeepAlive });
        app.UseCors();
    }
}
