using System.ComponentModel.DataAnnotations;

namespace Rapport.Server.Jobs;

/// <summary>The <c>Rapport:Scheduler</c> section: the Quartz scheduler and its due-work sweep.</summary>
internal sealed class SchedulerOptions
{
    public const string Section = "Rapport:Scheduler";

    /// <summary>Run the scheduler (tests that drive the sweeper directly turn it off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the sweep job fires (default 5 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "01:00:00", ErrorMessage = "Rapport:Scheduler:SweepInterval must be between 200 ms and 1 hour.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Rows per transaction.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// Take part in a Quartz cluster with every server instance on the same PostgreSQL database (default true): each
    /// trigger fires on one node, a node that stops checking in has its work recovered by another. Ignored on SQLite,
    /// which Quartz cannot cluster (docs/decisions/0013-scheduling.md).
    /// </summary>
    public bool Clustered { get; set; } = true;

    /// <summary>How often a node records that it is alive (default 10 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How late a node's check-in may be before another node recovers its work (default 20 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>At most this many rows per fire, so one fire cannot run for ever.</summary>
    [Range(1, 1_000_000)]
    public int MaxRowsPerSweep { get; set; } = 20_000;
}
