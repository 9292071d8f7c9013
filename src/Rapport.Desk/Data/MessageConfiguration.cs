using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Conversations;

namespace Rapport.Desk.Data;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.Property(m => m.ExternalId).HasMaxLength(200);
        builder.HasIndex(m => new { m.ConversationId, m.CreatedAt });
        // The analytics rollup reads a few days of messages at a time.
        builder.HasIndex(m => m.CreatedAt);
        // Imports are idempotent on it: a message id seen before is skipped, never stored twice.
        builder.HasIndex(m => m.ExternalId).IsUnique();
        builder.HasOne(m => m.Reading).WithOne().HasForeignKey<MessageReading>(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Review).WithOne().HasForeignKey<MessageReview>(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
