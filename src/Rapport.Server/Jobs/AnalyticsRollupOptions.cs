using System.ComponentModel.DataAnnotations;

namespace Rapport.Server.Jobs;

/// <summary>The <c>Rapport:Analytics</c> section: how often the analytics rollup folds in new messages.</summary>
internal sealed class AnalyticsRollupOptions
{
    public const string Section = "Rapport:Analytics";

    /// <summary>Time between refreshes (default 1 minute; 1 second to 1 day). The first runs at start.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>False turns the job off (default true); the API's rebuild still works.</summary>
    public bool Enabled { get; set; } = true;
}
