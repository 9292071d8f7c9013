using Microsoft.Extensions.Options;
using Rapport.Desk.Conversations;

namespace Rapport.Server.Jobs;

/// <summary>
/// Keeps the inbox order honest while nobody answers: every <see cref="PriorityRefreshOptions.Interval"/> it recomputes
/// the priority of conversations whose customer waits (<see cref="PriorityRefresher"/>). The timer comes from the
/// injected <see cref="TimeProvider"/>, so tests can drive it with a fake clock.
/// </summary>
internal sealed partial class PriorityRefreshJob(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<PriorityRefreshOptions> options, ILogger<PriorityRefreshJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                // A clock that jumps (a host waking from sleep, a test's fake clock) fires every missed tick at once, on
                // the thread that moved it, and this continuation would run inline once per tick: 43,200 refreshes for
                // a 30-day jump. Off that thread, the ticks that arrive during a refresh fold into one more refresh.
                await Task.Run(() => RefreshOnceAsync(settings.BatchSize, stoppingToken), stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One refresh; a failure is logged and the next tick tries again (the job must not stop the server).</summary>
    internal async Task RefreshOnceAsync(int batchSize, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var refresher = scope.ServiceProvider.GetRequiredService<PriorityRefresher>();
            var changed = await refresher.RefreshAsync(batchSize, cancellationToken).ConfigureAwait(false);
            LogRefreshed(logger, changed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Priority refresh: {Changed} waiting conversations got a new priority")]
    private static partial void LogRefreshed(ILogger logger, int changed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Priority refresh failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
