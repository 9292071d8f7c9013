using Microsoft.Extensions.Options;
using Rapport.Desk.Analytics;

namespace Rapport.Server.Jobs;

/// <summary>Folds new messages into the analytics rows at start and then every <see cref="AnalyticsRollupOptions.Interval"/>.</summary>
internal sealed partial class AnalyticsRollupJob(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<AnalyticsRollupOptions> options, ILogger<AnalyticsRollupJob> logger) : BackgroundService
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
            do
            {
                await RefreshOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One refresh; a failure is logged and the next tick tries again (the job must not stop the server).</summary>
    internal async Task RefreshOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var days = await scope.ServiceProvider.GetRequiredService<AnalyticsRollup>().RefreshAsync(cancellationToken).ConfigureAwait(false);
            LogRefreshed(logger, days);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Analytics rollup: {Days} days recomputed")]
    private static partial void LogRefreshed(ILogger logger, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics rollup failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
