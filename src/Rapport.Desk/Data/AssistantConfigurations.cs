using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Assistant;
using Rapport.Desk.Conversations;

namespace Rapport.Desk.Data;

internal sealed class AssistantAnswerConfiguration : IEntityTypeConfiguration<AssistantAnswer>
{
    public void Configure(EntityTypeBuilder<AssistantAnswer> builder)
    {
        builder.HasKey(a => a.MessageId);
        builder.Property(a => a.ArticleSlug).HasMaxLength(80);
        builder.Property(a => a.ArticleTitle).HasMaxLength(200);
        builder.Property(a => a.RefinerNote).HasMaxLength(300);
        builder.HasOne<Message>().WithOne(m => m.AssistantAnswer).HasForeignKey<AssistantAnswer>(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HandOffConfiguration : IEntityTypeConfiguration<HandOff>
{
    public void Configure(EntityTypeBuilder<HandOff> builder)
    {
        // One per conversation: the key also refuses a second hand-off from another server instance.
        builder.HasKey(h => h.ConversationId);
        builder.Property(h => h.Assignment).HasMaxLength(400);
        builder.HasOne<Conversation>().WithOne(c => c.HandOff).HasForeignKey<HandOff>(h => h.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(h => h.Agent).WithMany().HasForeignKey(h => h.AgentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(h => h.AgentId);
        builder.HasIndex(h => h.HandedOffAt);
    }
}
