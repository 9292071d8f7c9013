using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;

namespace Rapport.Desk.Customers;

/// <summary>Creates, reads and updates customers.</summary>
public sealed class CustomerService(RapportDbContext db, TimeProvider time)
{
    /// <summary>The insight reads at most this many of the customer's latest conversations...</summary>
    public const int InsightConversations = 100;

    /// <summary>...and at most this many of their latest messages in them.</summary>
    public const int InsightMessages = 500;

    public async Task<CustomerPage> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Customers.AsNoTracking();
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await query.OrderBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new CustomerPage(items, page, pageSize, total);
    }

    public Task<Customer?> GetAsync(long id, CancellationToken cancellationToken) =>
        db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>The customer's insight (<see cref="CustomerInsightBuilder"/>) from their latest conversations and messages,
    /// in four bounded queries; null when there is no customer <paramref name="id"/>.</summary>
    public async Task<CustomerInsight?> GetInsightAsync(long id, CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => c.CustomerId == id)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(InsightConversations + 1)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var truncated = conversations.Count > InsightConversations;
        if (truncated)
        {
            conversations.RemoveAt(conversations.Count - 1);
        }

        var ids = conversations.Select(c => c.Id).ToList();
        var counts = await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.ConversationId))
            .GroupBy(m => m.ConversationId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken).ConfigureAwait(false);
        var rows = await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.ConversationId) && m.Author == MessageAuthor.Customer && m.Reading != null)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(InsightMessages + 1)
            .Select(m => new { m.ConversationId, m.CreatedAt, m.Body, m.Reading!.Labels, m.Reading.ScoresJson, m.Reading.Valence, m.Reading.Intensity, m.Reading.EscalationRisk })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count > InsightMessages)
        {
            truncated = true;
            rows.RemoveAt(rows.Count - 1);
        }

        var messages = rows.Select(r => new InsightMessage(
            r.ConversationId, r.CreatedAt, r.Body, r.Labels,
            JsonSerializer.Deserialize<Dictionary<string, double>>(r.ScoresJson, DeskJson.Options) ?? [],
            r.Valence, r.Intensity, r.EscalationRisk)).ToList();
        return CustomerInsightBuilder.Build(id, conversations, counts, messages, time.GetUtcNow(), truncated);
    }

    public async Task<Customer> CreateAsync(CustomerFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var customer = new Customer { Name = fields.Name, CreatedAt = time.GetUtcNow() };
        fields.ApplyTo(customer);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return customer;
    }

    /// <returns>The updated customer, or null when there is none with <paramref name="id"/>.</returns>
    public async Task<Customer?> UpdateAsync(long id, CustomerFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
        if (customer is null)
        {
            return null;
        }

        fields.ApplyTo(customer);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return customer;
    }
}

/// <summary>The editable fields of a customer (already validated).</summary>
public sealed record CustomerFields(string Name, string? Email, string? PreferredLanguage, IReadOnlyList<string> Tags, string? Notes)
{
    internal void ApplyTo(Customer customer)
    {
        customer.Name = Name;
        customer.Email = Email;
        customer.PreferredLanguage = PreferredLanguage;
        customer.Tags = [.. Tags];
        customer.Notes = Notes;
    }
}

/// <summary>One page of customers, by id.</summary>
public sealed record CustomerPage(IReadOnlyList<Customer> Items, int Page, int PageSize, int Total);
