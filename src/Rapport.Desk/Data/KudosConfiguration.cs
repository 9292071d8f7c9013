using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Agents;
using Rapport.Desk.Conversations;
using Rapport.Desk.Recognition;

namespace Rapport.Desk.Data;

internal sealed class KudosConfiguration : IEntityTypeConfiguration<Kudos>
{
    public void Configure(EntityTypeBuilder<Kudos> builder)
    {
        builder.ToTable("Kudos");
        builder.Property(k => k.Message).HasMaxLength(Kudos.MaxMessageLength);
        builder.Property(k => k.Source).HasConversion<string>().HasMaxLength(24);
        builder.HasOne<Agent>().WithMany().HasForeignKey(k => k.AgentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agent>().WithMany().HasForeignKey(k => k.FromAgentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(k => k.ConversationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Message>().WithMany().HasForeignKey(k => k.MessageId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(k => new { k.AgentId, k.CreatedAt });
        builder.HasIndex(k => k.CreatedAt);
    }
}

internal sealed class KudosSuggestionDecisionConfiguration : IEntityTypeConfiguration<KudosSuggestionDecision>
{
    public void Configure(EntityTypeBuilder<KudosSuggestionDecision> builder)
    {
        builder.HasKey(d => d.MessageId);
        builder.Property(d => d.MessageId).ValueGeneratedNever();
        builder.HasOne<Message>().WithMany().HasForeignKey(d => d.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agent>().WithMany().HasForeignKey(d => d.DecidedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Kudos>().WithMany().HasForeignKey(d => d.KudosId).OnDelete(DeleteBehavior.SetNull);

        // One suggestion per conversation and agent: a decision on any of its replies settles it.
        builder.HasIndex(d => new { d.ConversationId, d.AgentId }).IsUnique();
    }
}
