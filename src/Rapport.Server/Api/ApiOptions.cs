using System.ComponentModel.DataAnnotations;

namespace Rapport.Server.Api;

/// <summary>The <c>Rapport:Api</c> section.</summary>
internal sealed class ApiOptions
{
    public const string Section = "Rapport:Api";

    /// <summary>Largest request body accepted, in bytes (default 256 KiB: a message is at most 32,768 characters).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;
}
