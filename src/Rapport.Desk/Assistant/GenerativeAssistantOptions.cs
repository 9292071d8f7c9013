using System.ComponentModel.DataAnnotations;

namespace Rapport.Desk.Assistant;

/// <summary>
/// The <c>Rapport:Assistant:Generative</c> section: the optional generative model behind the assistant
/// (docs/assistant-generative.md). Off by default; when enabled, <see cref="Endpoint"/> and <see cref="Model"/> are
/// required and checked at start.
/// </summary>
public sealed class GenerativeAssistantOptions : IValidatableObject
{
    public const string Section = "Rapport:Assistant:Generative";

    /// <summary>True asks the model for each answered reply (default false: the composed reply is always sent).</summary>
    public bool Enabled { get; set; }

    /// <summary>The base URL of an OpenAI-compatible API, the part before <c>/chat/completions</c>
    /// (e.g. <c>http://127.0.0.1:8080/v1</c> for a self-hosted model, <c>https://api.openai.com/v1</c>).</summary>
    public string? Endpoint { get; set; }

    /// <summary>Sent as the bearer token; leave empty for an endpoint without authentication.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model name the endpoint expects.</summary>
    public string? Model { get; set; }

    /// <summary>How long the assistant waits for the model before it sends the composed reply (default 10; 1–120).</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The coach's score (0–100) a generated reply needs to be sent (default 70).</summary>
    [Range(0, 100)]
    public int MinimumScore { get; set; } = 70;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Endpoint))
        {
            yield return new ValidationResult(
                $"{Section}:Endpoint is required when the generative assistant is enabled (the base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:8080/v1)",
                [nameof(Endpoint)]);
        }
        else if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult($"{Section}:Endpoint must be an absolute http or https URL", [nameof(Endpoint)]);
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult($"{Section}:Model is required when the generative assistant is enabled", [nameof(Model)]);
        }
    }
}
