using System.ComponentModel.DataAnnotations;

namespace Rapport.Server.Security;

/// <summary>The <c>Rapport:RateLimit</c> section: a fixed window per API key, and one per remote address for failed keys.</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "Rapport:RateLimit";

    /// <summary>Requests one key may make per window (default 600).</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 600;

    /// <summary>Window length in seconds (default 60).</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Requests with an unknown, malformed or revoked key one remote address may make per failure window
    /// (default 20); beyond that every keyed request from the address gets 429 until the window ends.</summary>
    [Range(1, 1_000_000)]
    public int FailedKeyLimit { get; set; } = 20;

    /// <summary>The failure window in seconds, counted from an address's first failure (default 300).</summary>
    [Range(1, 86_400)]
    public int FailedKeyWindowSeconds { get; set; } = 300;
}
