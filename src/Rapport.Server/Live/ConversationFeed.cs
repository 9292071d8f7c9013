using Rapport.Desk.Conversations;

namespace Rapport.Server.Live;

/// <summary>Something changed in a conversation (a message, its status or assignee); null id: a new conversation.</summary>
internal sealed record ConversationChange(long? ConversationId);

/// <summary>
/// In-process notifications of conversation changes, for the workspace's open pages (each a Blazor circuit on this
/// server). Raised by the API's conversation endpoints, by replies sent from the workspace, and by the desk's own changes
/// (the assistant's replies, through <see cref="IConversationChanges"/>). One process only: a
/// second server instance would need a backplane (a SignalR Redis backplane, or PostgreSQL LISTEN/NOTIFY).
/// </summary>
internal sealed partial class ConversationFeed(ILogger<ConversationFeed> logger) : IConversationChanges
{
    private readonly Lock _gate = new();
    private Action<ConversationChange>[] _subscribers = [];

    /// <summary>Calls <paramref name="onChange"/> on every change until the returned handle is disposed.</summary>
    /// <remarks>Called on the publisher's thread: a component must hop onto its own context (InvokeAsync).</remarks>
    public IDisposable Subscribe(Action<ConversationChange> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, onChange];
        }

        return new Subscription(this, onChange);
    }

    public void Publish(ConversationChange change)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber(change);
            }
#pragma warning disable CA1031 // One broken page must not stop the others (or the API request) from being told.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogSubscriberFailed(logger, e);
            }
        }
    }

    /// <summary>The desk's changes made outside a request (the assistant's replies) reach the same pages.</summary>
    void IConversationChanges.Changed(long conversationId) => Publish(new ConversationChange(conversationId));

    /// <summary>How many pages listen (for tests).</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    private void Unsubscribe(Action<ConversationChange> onChange)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => s != onChange)];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A conversation feed subscriber failed")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);

    private sealed class Subscription(ConversationFeed feed, Action<ConversationChange> onChange) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(onChange);
    }
}
