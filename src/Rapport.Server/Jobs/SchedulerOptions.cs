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

    /// <summary>At most this many rows per fire, so one fire cannot run for ever.</summary>
    [Range(1, 1_000_000)]
    public int MaxRowsPerSweep { get; set; } = 20_000;
}
