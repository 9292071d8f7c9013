using Microsoft.Extensions.Options;
using Quartz;
using Rapport.Desk.Scheduling;

namespace Rapport.Server.Jobs;

/// <summary>
/// The one persisted Quartz job: every <see cref="SchedulerOptions.SweepInterval"/> it runs the due work
/// (<see cref="DueWorkSweeper"/>). Never two at once, on this node or (with a shared store) another.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class DueWorkSweepJob(DueWorkSweeper sweeper, IOptions<SchedulerOptions> options, ILogger<DueWorkSweepJob> logger) : IJob
{
    public const string Name = "due-work-sweep";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.Value;
        try
        {
            var finished = await sweeper.SweepAsync(settings.BatchSize, settings.MaxRowsPerSweep, cancellationToken).ConfigureAwait(false);
            if (finished > 0)
            {
                LogSwept(logger, finished);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next fire tries again; a failed sweep must not unschedule the job.
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Due-work sweep finished {Finished} rows")]
    private static partial void LogSwept(ILogger logger, int finished);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Due-work sweep failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
