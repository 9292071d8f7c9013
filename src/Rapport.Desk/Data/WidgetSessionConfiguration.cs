using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Conversations;
using Rapport.Desk.Widget;

namespace Rapport.Desk.Data;

internal sealed class WidgetSessionConfiguration : IEntityTypeConfiguration<WidgetSession>
{
    public void Configure(EntityTypeBuilder<WidgetSession> builder)
    {
        builder.Property(s => s.TokenHash).HasMaxLength(32);
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasIndex(s => s.ConversationId);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(s => s.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
