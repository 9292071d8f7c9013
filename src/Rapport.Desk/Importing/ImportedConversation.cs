using Rapport.Desk.Conversations;
using Rapport.Desk.Customers;

namespace Rapport.Desk.Importing;

/// <summary>
/// A conversation an import batch writes to: its messages in time order (stored and new, for review context), and its
/// state as the new messages arrive. Messages older than the newest stored one are stored and read but do not move
/// the status or the waiting clock: history arriving late does not rewrite the present.
/// </summary>
internal sealed class ImportedConversation
{
    private readonly List<(DateTimeOffset At, MessageAuthor Author, string Body)> _timeline;
    private readonly DateTimeOffset? _latestStored;
    private DateTimeOffset? _latestReadingAt;

    public ImportedConversation(Conversation entity, bool created, Customer customer, IReadOnlyList<StoredMessage> stored)
    {
        Entity = entity;
        Created = created;
        Customer = customer;
        _timeline = [.. stored.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => (m.CreatedAt, m.Author, m.Body))];
        foreach (var message in stored)
        {
            _latestStored = _latestStored is { } latest && latest > message.CreatedAt ? latest : message.CreatedAt;
            if (message.Reading is not null && (_latestReadingAt is null || message.CreatedAt >= _latestReadingAt))
            {
                LatestReading = message.Reading;
                _latestReadingAt = message.CreatedAt;
            }
        }
    }

    public Conversation Entity { get; }

    /// <summary>True when this batch creates the conversation.</summary>
    public bool Created { get; }

    /// <summary>Its customer: a new entity, or a detached copy of the stored one (one instance per customer per batch).</summary>
    public Customer Customer { get; }

    /// <summary>The new messages of a conversation that already existed (a created one holds them in <see cref="Conversation.Messages"/>).</summary>
    public List<Message> NewMessages { get; } = [];

    /// <summary>The reading of the latest customer message, stored or new.</summary>
    public MessageReading? LatestReading { get; private set; }

    /// <summary>Up to <paramref name="count"/> messages written at or before <paramref name="at"/>, newest first.</summary>
    public IReadOnlyList<(MessageAuthor Author, string Body)> Before(DateTimeOffset at, int count)
    {
        var end = UpperBound(at);
        var result = new List<(MessageAuthor, string)>(Math.Min(count, end));
        for (var i = end - 1; i >= 0 && result.Count < count; i--)
        {
            result.Add((_timeline[i].Author, _timeline[i].Body));
        }

        return result;
    }

    /// <summary>Adds a new message (in time order within the batch) and applies what it does to the conversation.</summary>
    public void Add(Message message, IReadOnlyList<string> labels)
    {
        var at = message.CreatedAt;
        _timeline.Insert(UpperBound(at), (at, message.Author, message.Body));
        if (Created)
        {
            Entity.Messages.Add(message);
        }
        else
        {
            NewMessages.Add(message);
        }

        if (_latestStored is null || at >= _latestStored)
        {
            switch (message.Author)
            {
                case MessageAuthor.Customer:
                    ConversationRules.OnCustomerMessage(Entity, at, message.Reading?.EscalationRisk ?? 0);
                    break;
                case MessageAuthor.Agent:
                    ConversationRules.OnAgentReply(Entity, at);
                    break;
                default:
                    break;
            }
        }
        else if (message.Author == MessageAuthor.Agent && (Entity.FirstResponseAt is null || at < Entity.FirstResponseAt))
        {
            Entity.FirstResponseAt = at;
        }

        if (at < Entity.CreatedAt)
        {
            Entity.CreatedAt = at;
        }

        if (message.Reading is not null && (_latestReadingAt is null || at >= _latestReadingAt))
        {
            LatestReading = message.Reading;
            _latestReadingAt = at;
        }

        var added = labels.Where(l => !Entity.Labels.Contains(l, StringComparer.Ordinal)).ToList();
        if (added.Count > 0)
        {
            // A new list, so change detection sees it.
            Entity.Labels = [.. Entity.Labels, .. added];
        }
    }

    private int UpperBound(DateTimeOffset at)
    {
        int low = 0, high = _timeline.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_timeline[middle].At <= at)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}

/// <summary>A message already in the database, as much of it as an import batch needs.</summary>
internal sealed record StoredMessage(long ConversationId, long Id, MessageAuthor Author, string Body, DateTimeOffset CreatedAt, MessageReading? Reading);
