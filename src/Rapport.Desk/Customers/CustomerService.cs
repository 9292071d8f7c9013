using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Data;

namespace Rapport.Desk.Customers;

/// <summary>Creates, reads and updates customers.</summary>
public sealed class CustomerService(RapportDbContext db, TimeProvider time)
{
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
