using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using Rapport.Desk.Assistant;

namespace Rapport.Server.Assistant;

/// <summary>Wires the assistant's optional generative model (docs/assistant-generative.md): nothing at all unless
/// <c>Rapport:Assistant:Generative:Enabled</c> is true, so by default the composed reply is always sent.</summary>
internal static class GenerativeAssistantSetup
{
    // OpenAIClient needs a credential; an endpoint without authentication ignores this one.
    private const string NoKey = "none";

    public static void AddRapportGenerativeAssistant(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(GenerativeAssistantOptions.Section);
        if (!section.GetValue<bool>(nameof(GenerativeAssistantOptions.Enabled)))
        {
            return;
        }

        // Validated on start: enabled without an endpoint or a model stops the server with one line (StartupFailure).
        builder.Services.AddOptions<GenerativeAssistantOptions>().BindConfiguration(GenerativeAssistantOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IAssistantReplyRefiner>(services =>
        {
            var options = services.GetRequiredService<IOptions<GenerativeAssistantOptions>>();
            return new GenerativeReplyRefiner(
                CreateChatClient(options.Value),
                options,
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILogger<GenerativeReplyRefiner>>());
        });
    }

    /// <summary>An <see cref="IChatClient"/> over the configured OpenAI-compatible endpoint (POST {Endpoint}/chat/completions).</summary>
    public static IChatClient CreateChatClient(GenerativeAssistantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var client = new OpenAIClient(
            new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? NoKey : options.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = new Uri(options.Endpoint!, UriKind.Absolute),

                // The refiner's own timeout decides; a retry would only delay the composed reply the customer is waiting for.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds + 5),
            });
        return client.GetChatClient(options.Model).AsIChatClient();
    }
}
