using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Conversations;
using Rapport.Desk.FollowUps;
using Rapport.Desk.Promises;

namespace Rapport.Desk.Data;

internal sealed class PromiseConfiguration : IEntityTypeConfiguration<Promise>
{
    public void Configure(EntityTypeBuilder<Promise> builder)
    {
        builder.HasOne<Conversation>().WithMany().HasForeignKey(p => p.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Message).WithMany().HasForeignKey(p => p.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Text).HasMaxLength(Promise.MaxTextLength);
        builder.Property(p => p.When).HasMaxLength(Promise.MaxWhenLength);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => new { p.ConversationId, p.Status });
        builder.HasIndex(p => new { p.AgentId, p.Status, p.DueAt });
        builder.HasIndex(p => new { p.Status, p.DueAt });
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.HasOne<Conversation>().WithMany().HasForeignKey(f => f.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.UpsetReason).HasMaxLength(FollowUp.MaxReasonLength);
        builder.Property(f => f.ReviewNote).HasMaxLength(FollowUp.MaxNoteLength);
        builder.Property(f => f.Outcome).HasMaxLength(FollowUp.MaxReasonLength);
        builder.HasIndex(f => new { f.ConversationId, f.Kind, f.State });
        builder.HasIndex(f => new { f.State, f.DueAt });
    }
}

internal sealed class TeamFollowUpSettingsConfiguration : IEntityTypeConfiguration<TeamFollowUpSettings>
{
    public void Configure(EntityTypeBuilder<TeamFollowUpSettings> builder)
    {
        builder.HasKey(s => s.TeamId);
        builder.HasOne(s => s.Team).WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
