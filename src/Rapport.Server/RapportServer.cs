using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rapport.Desk.Agents;
using Rapport.Desk.ApiKeys;
using Rapport.Desk.Conversations;
using Rapport.Desk.Customers;
using Rapport.Desk.Demo;
using Rapport.Desk.Importing;
using Rapport.Desk.Surveys;
using Rapport.Desk.Scheduling;
using Rapport.Desk.Sla;
using Rapport.Desk.Knowledge;
using Rapport.Desk.Training;
using Rapport.Server.Api;
using Rapport.Server.Assistant;
using Rapport.Server.Components;
using Rapport.Server.Components.Surveys;
using Rapport.Server.Data;
using Rapport.Server.Jobs;
using Rapport.Server.Security;
using Rapport.Server.Widget;

namespace Rapport.Server;

/// <summary>The composition root: services, middleware and endpoints. Tests build the same app on port 0.</summary>
internal static class RapportServer
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json is read beside the assembly, so the server behaves the same from any working directory;
        // relative paths in the connection string (./data/rapport.db) stay relative to the working directory.
        // ApplicationName: the static web assets manifest (wwwroot, blazor.web.js) is named after this assembly, also
        // when tests host the server.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(RapportServer).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);

        // The build output's static web assets manifest maps wwwroot and the framework's scripts (a no-op when published).
        builder.WebHost.UseStaticWebAssets();
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var api = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = api.MaxRequestBodyBytes);
        builder.Services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // TryAdd: a test host may register its own clock (FakeTimeProvider) in configure.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddRapportDatabase();
        builder.Services.AddSingleton<PriorityCalculator>();
        builder.Services.AddScoped<CustomerService>();
        builder.Services.AddScoped<AgentService>();
        builder.Services.AddScoped<ConversationService>();
        builder.Services.AddScoped<ScenarioCatalog>();
        builder.Services.AddScoped<TrainingService>();
        builder.Services.AddScoped<TrainingAssignments>();
        builder.Services.AddScoped<TrainingProgress>();
        builder.Services.AddScoped<ConversationScenarios>();
        builder.Services.AddScoped<Rapport.Desk.Analytics.AnalyticsRollup>();
        builder.Services.AddScoped<Rapport.Desk.Analytics.AnalyticsService>();
        builder.Services.AddScoped<SurveyService>();
        builder.Services.AddScoped<Rapport.Desk.Recognition.KudosService>();
        builder.Services.AddScoped<Rapport.Desk.Recognition.KudosSuggestions>();
        builder.Services.AddOptions<Rapport.Desk.Recognition.KudosOptions>().BindConfiguration(Rapport.Desk.Recognition.KudosOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SurveyOptions>().BindConfiguration(SurveyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<KnowledgeIndex>();
        builder.Services.AddSingleton<KnowledgeSync>();
        builder.Services.AddScoped<KnowledgeService>();
        builder.Services.AddOptions<Rapport.Desk.Assistant.AssistantResponderOptions>().BindConfiguration(Rapport.Desk.Assistant.AssistantResponderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Rapport.Desk.Assistant.AssistantGate>();
        builder.Services.AddScoped<Rapport.Desk.Assistant.AssistantResponder>();
        builder.AddRapportGenerativeAssistant();
        builder.Services.AddHostedService<KnowledgeWarmUpJob>();
        builder.Services.AddScoped<Components.Workspace.WorkspaceQueries>();
        builder.Services.AddScoped<PriorityRefresher>();
        builder.Services.AddOptions<PriorityRefreshOptions>().BindConfiguration(PriorityRefreshOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<PriorityRefreshJob>();
        builder.AddRapportScheduling();
        builder.Services.AddScoped<SlaService>();
        builder.Services.AddScoped<IDueWorkHandler, SlaCheckHandler>();
        builder.Services.AddScoped<Rapport.Desk.Notifications.Notifier>();
        builder.Services.AddScoped<Rapport.Desk.Notifications.NotificationService>();
        builder.Services.AddScoped<Rapport.Desk.Promises.PromiseLedger>();
        builder.Services.AddScoped<Rapport.Desk.Conversations.LoopTimeline>();
        builder.Services.AddScoped<IDueWorkHandler, Rapport.Desk.Promises.PromiseCheckHandler>();
        builder.Services.AddScoped<Rapport.Desk.FollowUps.FollowUpService>();
        builder.Services.AddOptions<Rapport.Desk.FollowUps.FollowUpOptions>().BindConfiguration(Rapport.Desk.FollowUps.FollowUpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<IDueWorkHandler, Rapport.Desk.FollowUps.FollowUpCheckHandler>();
        builder.Services.AddScoped<IDueWorkHandler, Rapport.Desk.FollowUps.FollowUpQuietHandler>();
        builder.Services.AddScoped<ImportService>();
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddScoped<ApiKeyService>();
        builder.Services.AddScoped<AgentPasswords>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<IConversationChanges>(services => services.GetRequiredService<Live.ConversationFeed>());
        builder.Services.AddSingleton<FailedKeyAttempts>();
        builder.Services.AddApiKeyAuthentication();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.AddApiKeyRateLimiting();
        builder.AddRapportWidget();

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();

        // Binding failures (malformed JSON, wrong types, wrong content type, missing body) become exceptions that
        // ApiExceptionHandler turns into problem details with the field that failed.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.MaxDepth = 32);
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeyOpenApi>());

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseMiddleware<FailedKeyGuardMiddleware>();
        app.UseRapportWidget();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        // Public: the OpenAPI document, the reference page, the sign-in page and static files. Everything under
        // /api/v1 needs an API key or a signed-in agent; the workspace pages need a signed-in agent.
        app.MapOpenApi();
        app.MapDocs();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapSignOut();
        app.MapSurveyPage();
        app.MapWidget();
        var secured = app.MapGroup("").RequireApiKey();
        secured.MapAnalyze();
        secured.MapReview();
        secured.MapCustomers();
        secured.MapAgents();
        secured.MapTeams();
        secured.MapConversations();
        secured.MapImport();
        secured.MapApiKeys();
        secured.MapTraining();
        secured.MapAnalytics();
        secured.MapSurveys();
        secured.MapSla();
        secured.MapKnowledge();
        secured.MapPromises();
        secured.MapFollowUps();
        secured.MapKudos();
        secured.MapNotifications();
        return app;
    }

    /// <summary>Migrates and seeds; returns a new admin API key (shown once) when there was no
    /// active admin key, so a fresh desk is usable with curl and a lost admin key can be replaced by revoking it in the
    /// database, and the demo agents' sign-ins when the demo workspace was seeded now.</summary>
    public static async Task<FirstStart> InitializeAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        var demo = await app.InitializeDatabaseAsync(cancellationToken).ConfigureAwait(false);

        // The promise detector's generated regexes run with a 200 ms timeout; their first run includes JIT compilation,
        // which on a busy machine can pass it and fail the first agent reply with a 500. Run them once before serving.
        WarmPromiseDetector(app.Services.GetRequiredService<TimeProvider>());
        await using var scope = app.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        if (await keys.AnyActiveAdminAsync(cancellationToken).ConfigureAwait(false))
        {
            return new FirstStart(null, demo);
        }

        return new FirstStart((await keys.CreateAsync(FirstKeyName, ApiKeyScope.Admin, cancellationToken).ConfigureAwait(false)).Token, demo);
    }

    private static void WarmPromiseDetector(TimeProvider time)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                Rapport.Core.Promises.PromiseDetector.Detect("I will call you back within 3 hours, and we'll send the label by Friday.", new Rapport.Core.Promises.PromiseClock(time.GetUtcNow(), TimeZoneInfo.Utc));
                return;
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                // Compiled now; the next attempt runs at full speed.
            }
        }
    }

    /// <summary>The name of the admin key created when the database has no active admin key.</summary>
    public const string FirstKeyName = "Demo admin key";

    /// <summary>The addresses Kestrel listens on (with the real port when it was 0).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    public static void PrintUrls(WebApplication app)
    {
        foreach (var address in Addresses(app))
        {
            Console.WriteLine($"Rapport desk: {address}  (API reference: {address}/docs)");
        }
    }

    /// <summary>Prints the demo agents' sign-ins, created with the demo workspace: the only time the password is known.</summary>
    public static void PrintDemoSignIn(WebApplication app, DemoCredentials demo)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var url = Addresses(app) is [var first, ..] ? first : DefaultUrl;
        Console.WriteLine($"Demo workspace sign-in at {url}{AgentCookies.SignInPath}  (password for every demo agent: {demo.Password}, shown once)");
        foreach (var agent in demo.Agents)
        {
            Console.WriteLine($"  {agent.Email,-32} {SignedInAgent.RoleName(agent.Role),-6} {agent.Name}");
        }
    }

    /// <summary>Prints the key created on first start: the only time its secret is known.</summary>
    public static void PrintNewApiKey(WebApplication app, string key)
    {
        Console.WriteLine($"Demo API key (admin): {key}");
        Console.WriteLine("  shown once; try: curl -H \"Authorization: Bearer " + key + "\" " + (Addresses(app) is [var first, ..] ? first : DefaultUrl) + "/api/v1/conversations");
    }
}

/// <summary>What the first start created: an admin API key and the demo agents' sign-ins (each null when not created now).</summary>
internal sealed record FirstStart(string? ApiKey, DemoCredentials? DemoSignIn);
