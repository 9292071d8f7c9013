using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Customers;

namespace Rapport.Desk.Data;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(320);
        builder.Property(c => c.PreferredLanguage).HasMaxLength(8);
        builder.Property(c => c.Notes).HasMaxLength(4000);
        builder.HasIndex(c => c.Email);
    }
}
