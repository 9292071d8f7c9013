using System.ComponentModel.DataAnnotations;

namespace Rapport.Server.Security;

/// <summary>The <c>Rapport:RateLimit</c> section: a fixed window per API key.</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "Rapport:RateLimit";

    /// <summary>Requests one key may make per window (default 600).</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 600;

    /// <summary>Window length in seconds (default 60).</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}
