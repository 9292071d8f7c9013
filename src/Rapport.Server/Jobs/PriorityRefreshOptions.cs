using System.ComponentModel.DataAnnotations;

namespace Rapport.Server.Jobs;

/// <summary>The <c>Rapport:PriorityRefresh</c> section: how often waiting conversations get their priority recomputed.</summary>
internal sealed class PriorityRefreshOptions
{
    public const string Section = "Rapport:PriorityRefresh";

    /// <summary>Time between refreshes (default 1 minute; 1 second to 1 day).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Conversations read and written per batch (default 500).</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>False turns the job off (default true).</summary>
    public bool Enabled { get; set; } = true;
}
