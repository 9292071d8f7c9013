using Microsoft.Extensions.Options;
using Quartz;
using Rapport.Desk.Analytics;

namespace Rapport.Server.Jobs;

/// <summary>
/// Folds new messages into the analytics rows: a Quartz job fired at start and then every
/// <see cref="AnalyticsRollupOptions.Interval"/>. <see cref="DisallowConcurrentExecutionAttribute"/> on the clustered
/// store means one run at a time across every server instance sharing the database (two rebuilding the same day at
/// once could double its rows; docs/decisions/0013-scheduling.md).
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class AnalyticsRollupJob(
    IServiceScopeFactory scopes, IOptions<AnalyticsRollupOptions> options, ILogger<AnalyticsRollupJob> logger) : IJob
{
    public const string Name = "analytics-rollup";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // A node started with Enabled=false does not schedule the job, but its trigger may be stored by another node
        // (or an earlier start): such a node does not run it.
        if (!options.Value.Enabled)
        {
            return;
        }

        await RefreshOnceAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One refresh; a failure is logged and the next fire tries again (the job must not stop the server).</summary>
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics rollup failed; retrying at the next fire")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
