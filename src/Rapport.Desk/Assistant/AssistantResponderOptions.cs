using System.ComponentModel.DataAnnotations;
using Rapport.Desk.Conversations;

namespace Rapport.Desk.Assistant;

/// <summary>The <c>Rapport:Assistant</c> section: when the virtual assistant answers customers (docs/assistant.md).</summary>
public sealed class AssistantResponderOptions : IValidatableObject
{
    public const string Section = "Rapport:Assistant";

    /// <summary>The channels answered when <see cref="Channels"/> is not set.</summary>
    public static readonly IReadOnlyList<string> DefaultChannels = ["chat"];

    /// <summary>Off: the assistant never answers (default on).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The channels whose conversations the assistant answers (email, chat, phone, social, web); default chat only. Null
    /// here (not a list with "chat" in it) because the configuration binder appends to a list it finds filled.
    /// </summary>
    public string[]? Channels { get; set; }

    /// <summary>A passage below this confidence is not used: the assistant says it has no answer (default 0.5).</summary>
    [Range(0.0, 1.0)]
    public double ConfidenceThreshold { get; set; } = 0.5;

    /// <summary>An escalation risk at or above this hands the conversation to a person (default 0.7).</summary>
    [Range(0.0, 1.0)]
    public double EscalationThreshold { get; set; } = 0.7;

    /// <summary>How many passages retrieval returns (the best is the answer; the optional refiner may cite all confident ones). Default 3.</summary>
    [Range(1, 10)]
    public int Passages { get; set; } = 3;

    /// <summary>How long the optional generative refiner may take before the composed reply is sent instead (default 20 seconds).</summary>
    [Range(0.1, 300)]
    public double RefinerTimeoutSeconds { get; set; } = 20;

    /// <summary>The team (by name) whose agents take hand-offs; empty: agents of every team.</summary>
    [MaxLength(200)]
    public string? HandOffTeam { get; set; }

    /// <summary>Whether the assistant answers conversations on <paramref name="channel"/>.</summary>
    public bool Answers(Channel channel) =>
        Enabled && (Channels ?? DefaultChannels).Any(c => string.Equals(c?.Trim(), channel.ToString(), StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var name in Channels ?? [])
        {
            if (!Enum.TryParse<Channel>(name?.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(name, out _))
            {
                yield return new ValidationResult(
                    $"'{name}' is not a channel; use {string.Join(", ", Enum.GetNames<Channel>().Select(n => n.ToLowerInvariant()))}.", [nameof(Channels)]);
            }
        }
    }
}
