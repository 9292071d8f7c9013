using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Agents;
using Rapport.Desk.Conversations;
using Rapport.Desk.Notifications;

namespace Rapport.Desk.Data;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasOne<Agent>().WithMany().HasForeignKey(n => n.AgentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(n => n.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(n => n.Key).HasMaxLength(Notification.MaxKeyLength);

        // The guarantee behind "a re-run tells nobody twice"; Key first, so the Notifier's check is an index lookup.
        builder.HasIndex(n => new { n.Key, n.AgentId }).IsUnique();
        builder.HasIndex(n => new { n.AgentId, n.CreatedAt });
    }
}
