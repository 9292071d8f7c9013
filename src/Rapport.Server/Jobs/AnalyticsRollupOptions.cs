using System.ComponentModel.DataAnnotations;

namespace Rapport.Server.Jobs;

/// <summary>
/// The <c>Rapport:Analytics</c> section: how often the analytics rollup (a Quartz job, so it needs
/// <c>Rapport:Scheduler:Enabled</c>) folds in new messages.
/// </summary>
internal sealed class AnalyticsRollupOptions
{
    public const string Section = "Rapport:Analytics";

    /// <summary>Time between refreshes (default 1 minute; 1 second to 1 day). The first runs at start (on one node of a cluster).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>False turns the job off (default true); the API's rebuild still works.</summary>
    public bool Enabled { get; set; } = true;
}
