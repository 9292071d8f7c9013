using Rapport.Desk.Data;
using Rapport.Desk.Knowledge;

namespace Rapport.Server.Jobs;

/// <summary>
/// Builds the knowledge search's index while the server starts (docs/knowledge-base.md, *Freshness*): hosted services
/// start before Kestrel accepts requests, so the first assistant turn or search does not pay for loading and analysing
/// every article. A failure is logged and the first search builds the index instead; it does not stop the server.
/// </summary>
internal sealed partial class KnowledgeWarmUpJob(IServiceScopeFactory scopes, KnowledgeSync sync, TimeProvider time, ILogger<KnowledgeWarmUpJob> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await sync.SyncAsync(scope.ServiceProvider.GetRequiredService<RapportDbContext>(), force: true, cancellationToken).ConfigureAwait(false);
            var milliseconds = (long)time.GetElapsedTime(started).TotalMilliseconds;
            LogWarm(logger, sync.Index.ArticleCount, milliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge index ready: {Articles} articles in {Milliseconds} ms")]
    private static partial void LogWarm(ILogger logger, int articles, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge index warm-up failed; the first search builds it")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
