using System.ComponentModel.DataAnnotations;
using Rapport.Desk.Importing;

namespace Rapport.Server.Api;

/// <summary>The <c>Rapport:Import</c> section: <c>POST /api/v1/import</c>.</summary>
internal sealed class ImportOptions
{
    public const string Section = "Rapport:Import";

    /// <summary>Largest import body, in bytes (default 32 MiB, about 100,000 typical messages); larger bodies get 413.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Lines per transaction (default <see cref="ImportService.DefaultBatchSize"/>).</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = ImportService.DefaultBatchSize;
}
