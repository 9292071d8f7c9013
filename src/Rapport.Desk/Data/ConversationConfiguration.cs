using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Conversations;

namespace Rapport.Desk.Data;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.Property(c => c.Subject).HasMaxLength(300);
        builder.Property(c => c.PriorityReason).HasMaxLength(300);
        builder.Property(c => c.BrokenPromise).HasMaxLength(160);
        builder.Property(c => c.ExternalKey).HasMaxLength(200);
        builder.HasIndex(c => c.ExternalKey).IsUnique();
        builder.HasOne(c => c.Customer).WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Assignee).WithMany().HasForeignKey(c => c.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Notes).WithOne().HasForeignKey(n => n.ConversationId).OnDelete(DeleteBehavior.Cascade);

        // The inbox: first page by priority (then id, the cursor's tie-break), by newest, by waiting longest.
        builder.HasIndex(c => new { c.Priority, c.Id });
        builder.HasIndex(c => new { c.CreatedAt, c.Id });
        builder.HasIndex(c => new { c.WaitingSince, c.Id });
        builder.HasIndex(c => new { c.Status, c.Priority });
        builder.HasIndex(c => c.AssigneeId);

        // Repeat contacts: a customer's conversations of the last 30 days.
        builder.HasIndex(c => new { c.CustomerId, c.CreatedAt });
    }
}
