namespace Rapport.Server.Live;

/// <summary>Some agents' notifications changed (new ones, or read): their bells recount.</summary>
internal sealed record NotificationChange(IReadOnlySet<long> AgentIds);

/// <summary>
/// In-process news of new or read notifications for the workspace's bells (each a Blazor circuit on this server), the
/// same pattern as <see cref="ConversationFeed"/>. Raised after the commit that stored them
/// (<see cref="DeskChangeInterceptor"/>), so a bell that recounts sees them. One process only: a bell open on another
/// instance catches up when its page next loads (docs/notifications.md).
/// </summary>
internal sealed partial class NotificationFeed(ILogger<NotificationFeed> logger)
{
    private readonly Lock _gate = new();
    private Action<NotificationChange>[] _subscribers = [];

    /// <remarks>Called on the publisher's thread: a component must hop onto its own context (InvokeAsync).</remarks>
    public IDisposable Subscribe(Action<NotificationChange> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, onChange];
        }

        return new Subscription(this, onChange);
    }

    public void Publish(NotificationChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.AgentIds.Count == 0)
        {
            return;
        }

        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber(change);
            }
#pragma warning disable CA1031 // One broken page must not stop the others (or the sweep) from being told.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogSubscriberFailed(logger, e);
            }
        }
    }

    private void Unsubscribe(Action<NotificationChange> onChange)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => s != onChange)];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification feed subscriber failed")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);

    private sealed class Subscription(NotificationFeed feed, Action<NotificationChange> onChange) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(onChange);
    }
}
