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
    private readonly List<(DateTimeOffset At, MessageAuthor Author, string Body, MessageReading? Reading)> _timeline;
    private readonly List<MessageReading> _currentCustomerReadings = [];
    private readonly DateTimeOffset? _latestStored;
    private DateTimeOffset? _latestReadingAt;

    public ImportedConversation(Conversation entity, bool created, Customer customer, IReadOnlyList<StoredMessage> stored)
    {
        Entity = entity;
        Created = created;
        Customer = customer;
        StatusBefore = entity.Status;
        _timeline = [.. stored.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => (m.CreatedAt, m.Author, m.Body, m.Reading))];
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

    /// <summary>The status before this batch (a created conversation starts open).</summary>
    public ConversationStatus StatusBefore { get; }

    /// <summary>True when a new message moved the status or the waiting clock (it is not older than every stored one).</summary>
    public bool Moved { get; private set; }

    /// <summary>True when a new agent message moved the conversation: a new spell of waiting on the customer.</summary>
    public bool AgentWroteNow { get; private set; }

    /// <summary>The readings of the new customer messages that moved the conversation, in time order.</summary>
    public IReadOnlyList<MessageReading> CurrentCustomerReadings => _currentCustomerReadings;

    /// <summary>This batch's messages of the conversation.</summary>
    public IReadOnlyList<Message> Added => Created ? Entity.Messages : NewMessages;

    /// <summary>When an agent last wrote (stored or new), or null.</summary>
    public DateTimeOffset? LastAgentMessageAt
    {
        get
        {
            for (var i = _timeline.Count - 1; i >= 0; i--)
            {
                if (_timeline[i].Author == MessageAuthor.Agent)
                {
                    return _timeline[i].At;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// The readings of the customer messages written at or after <paramref name="since"/> (a wait's messages), in time
    /// order, and in <paramref name="before"/> the reading of the customer message just before them.
    /// </summary>
    public List<MessageReading> CustomerReadingsSince(DateTimeOffset since, out MessageReading? before)
    {
        before = null;
        var readings = new List<MessageReading>();
        foreach (var (at, author, _, reading) in _timeline)
        {
            if (author != MessageAuthor.Customer || reading is null)
            {
                continue;
            }

            if (at < since)
            {
                before = reading;
            }
            else
            {
                readings.Add(reading);
            }
        }

        return readings;
    }

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
        _timeline.Insert(UpperBound(at), (at, message.Author, message.Body, message.Reading));
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
            Moved = true;
            switch (message.Author)
            {
                case MessageAuthor.Customer:
                    ConversationRules.OnCustomerMessage(Entity, at, message.Reading?.EscalationRisk ?? 0);
                    if (message.Reading is { } reading)
                    {
                        _currentCustomerReadings.Add(reading);
                    }

                    break;
                case MessageAuthor.Agent:
                    ConversationRules.OnAgentReply(Entity, at);
                    AgentWroteNow = true;
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
