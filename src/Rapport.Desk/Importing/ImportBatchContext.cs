using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Conversations;
using Rapport.Desk.Customers;
using Rapport.Desk.Data;

namespace Rapport.Desk.Importing;

/// <summary>
/// What one import batch needs from the database, loaded with a handful of queries for the whole batch (never one per
/// message): its stored conversations and their messages, its customers (by id, e-mail or name), the agents it names
/// and the customers' recent conversations (repeat contacts). Hands out one <see cref="ImportedConversation"/> per key.
/// </summary>
internal sealed class ImportBatchContext
{
    private readonly Dictionary<string, Conversation> _stored;
    private readonly ILookup<long, StoredMessage> _history;
    private readonly Dictionary<long, Customer> _customersById;
    private readonly Dictionary<string, Customer> _customersByEmail;
    private readonly Dictionary<string, Customer> _customersByName;
    private readonly Dictionary<string, (long Id, string Name, long? TeamId)> _agents;
    private readonly ILookup<long, (long Id, DateTimeOffset CreatedAt)> _recent;
    private readonly List<ImportedConversation> _conversations = [];
    private readonly DateTimeOffset _now;

    private ImportBatchContext(
        Dictionary<string, Conversation> stored, ILookup<long, StoredMessage> history, List<Customer> customers,
        Dictionary<string, (long Id, string Name, long? TeamId)> agents, ILookup<long, (long Id, DateTimeOffset CreatedAt)> recent, DateTimeOffset now)
    {
        _stored = stored;
        _history = history;
        _agents = agents;
        _recent = recent;
        _now = now;
        _customersById = customers.ToDictionary(c => c.Id);

        // Lowest id first, so the oldest customer with an e-mail or name wins when there are several.
        _customersByEmail = new(StringComparer.OrdinalIgnoreCase);
        _customersByName = new(StringComparer.Ordinal);
        foreach (var customer in customers.OrderBy(c => c.Id))
        {
            if (customer.Email is { } email)
            {
                _customersByEmail.TryAdd(email, customer);
            }

            _customersByName.TryAdd(customer.Name, customer);
        }
    }

    public int ConversationsCreated { get; private set; }

    public int CustomersCreated => NewCustomers.Count;

    public static async Task<ImportBatchContext> LoadAsync(RapportDbContext db, List<ImportRecord> records, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keys = records.Select(r => r.ConversationKey).Distinct(StringComparer.Ordinal).ToList();

        // Tracked: the batch updates their status, clock and priority.
        var stored = (await db.Conversations.Where(c => EF.Parameter(keys).Contains(c.ExternalKey!)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(c => c.ExternalKey!, StringComparer.Ordinal);
        var storedIds = stored.Values.Select(c => c.Id).ToList();
        var history = storedIds.Count == 0
            ? []
            : await db.Messages.AsNoTracking().Where(m => EF.Parameter(storedIds).Contains(m.ConversationId))
                .Select(m => new StoredMessage(m.ConversationId, m.Id, m.Author, m.Body, m.CreatedAt, m.Reading))
                .ToListAsync(cancellationToken).ConfigureAwait(false);

        // The customer of a new conversation comes from its first line (in time): by e-mail, else by name.
        var firsts = records.Where(r => !stored.ContainsKey(r.ConversationKey)).DistinctBy(r => r.ConversationKey, StringComparer.Ordinal).ToList();
        var emails = firsts.Where(r => r.CustomerEmail is not null).Select(r => r.CustomerEmail!).Distinct(StringComparer.Ordinal).ToList();
        var names = firsts.Where(r => r.CustomerEmail is null).Select(r => r.CustomerName).Distinct(StringComparer.Ordinal).ToList();
        var customerIds = stored.Values.Select(c => c.CustomerId).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking()
            .Where(c => EF.Parameter(customerIds).Contains(c.Id) || EF.Parameter(emails).Contains(c.Email!) || EF.Parameter(names).Contains(c.Name))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var agentEmails = records.Where(r => r.AgentEmail is not null).Select(r => r.AgentEmail!).Distinct(StringComparer.Ordinal).ToList();
        var agents = agentEmails.Count == 0
            ? []
            : (await db.Agents.AsNoTracking().Where(a => EF.Parameter(agentEmails).Contains(a.Email)).Select(a => new { a.Id, a.Email, a.Name, a.TeamId })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
                .ToDictionary(a => a.Email, a => (a.Id, a.Name, a.TeamId), StringComparer.OrdinalIgnoreCase);

        var since = now - PriorityCalculator.RepeatWindow;
        var known = customers.Select(c => c.Id).ToList();
        var recent = known.Count == 0
            ? []
            : await db.Conversations.AsNoTracking().Where(c => EF.Parameter(known).Contains(c.CustomerId) && c.CreatedAt >= since)
                .Select(c => new { c.Id, c.CustomerId, c.CreatedAt })
                .ToListAsync(cancellationToken).ConfigureAwait(false);

        return new ImportBatchContext(
            stored,
            history.ToLookup(m => m.ConversationId),
            customers,
            agents,
            recent.ToLookup(c => c.CustomerId, c => (c.Id, c.CreatedAt)),
            now);
    }

    /// <summary>The conversation with <paramref name="key"/>: stored, or created from its first record.</summary>
    public ImportedConversation Conversation(string key, ImportRecord first, string? subject)
    {
        ImportedConversation conversation;
        if (_stored.TryGetValue(key, out var entity))
        {
            conversation = new ImportedConversation(entity, created: false, _customersById[entity.CustomerId], [.. _history[entity.Id]]);
        }
        else
        {
            var customer = Customer(first);
            entity = new Conversation
            {
                ExternalKey = key,
                Channel = first.Channel,
                Subject = subject ?? SubjectOf(first.Text),
                Status = ConversationStatus.Open,
                CreatedAt = first.Timestamp,
                PriorityReason = "no messages yet",
            };
            // A new customer's id is known once it is inserted (ImportService sets it then).
            entity.CustomerId = customer.Id;
            conversation = new ImportedConversation(entity, created: true, customer, []);
            ConversationsCreated++;
        }

        _conversations.Add(conversation);
        return conversation;
    }

    public long? AgentId(string? email) => email is not null && _agents.TryGetValue(email, out var agent) ? agent.Id : null;

    public string? AgentName(string? email) => email is not null && _agents.TryGetValue(email, out var agent) ? agent.Name : null;

    /// <summary>The teams of the batch's agents, by agent id (the time zone their promises are read in).</summary>
    public IReadOnlyDictionary<long, long?> AgentTeams => _agents.Values.DistinctBy(a => a.Id).ToDictionary(a => a.Id, a => a.TeamId);

    /// <summary>When the customer's other conversations of the last 30 days started (stored and created in this batch).</summary>
    public IReadOnlyList<DateTimeOffset> OtherContacts(ImportedConversation conversation)
    {
        var since = _now - PriorityCalculator.RepeatWindow;
        var result = new List<DateTimeOffset>();
        if (conversation.Customer.Id != 0)
        {
            foreach (var (id, createdAt) in _recent[conversation.Customer.Id])
            {
                if (id != conversation.Entity.Id)
                {
                    result.Add(createdAt);
                }
            }
        }

        foreach (var other in _conversations)
        {
            if (other != conversation && other.Created && ReferenceEquals(other.Customer, conversation.Customer) && other.Entity.CreatedAt >= since)
            {
                result.Add(other.Entity.CreatedAt);
            }
        }

        return result;
    }

    /// <summary>The conversations of the batch, in the order they were handed out.</summary>
    public IReadOnlyList<ImportedConversation> Conversations => _conversations;

    /// <summary>The customers this batch creates.</summary>
    public List<Customer> NewCustomers { get; } = [];

    private Customer Customer(ImportRecord first)
    {
        if (first.CustomerEmail is { } email)
        {
            if (!_customersByEmail.TryGetValue(email, out var byEmail))
            {
                _customersByEmail[email] = byEmail = New(first);
            }

            return byEmail;
        }

        if (!_customersByName.TryGetValue(first.CustomerName, out var byName))
        {
            _customersByName[first.CustomerName] = byName = New(first);
        }

        return byName;
    }

    private Customer New(ImportRecord first)
    {
        var customer = new Customer { Name = first.CustomerName, Email = first.CustomerEmail, CreatedAt = _now };
        NewCustomers.Add(customer);
        if (first.CustomerEmail is null)
        {
            return customer;
        }

        // Found by name later too (a line without the e-mail), unless another customer already has that name.
        _customersByName.TryAdd(customer.Name, customer);
        return customer;
    }

    /// <summary>The first non-blank line of the first message, cut at a word near <see cref="ImportLimits.DerivedSubjectLength"/>.</summary>
    internal static string SubjectOf(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(no subject)";
        if (line.Length <= ImportLimits.DerivedSubjectLength)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', ImportLimits.DerivedSubjectLength - 1);
        return string.Concat(line.AsSpan(0, cut > ImportLimits.DerivedSubjectLength / 2 ? cut : ImportLimits.DerivedSubjectLength - 1).TrimEnd(), "…");
    }
}
