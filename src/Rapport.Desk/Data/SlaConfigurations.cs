using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Sla;

namespace Rapport.Desk.Data;

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> builder) => builder.HasIndex(p => new { p.Channel, p.Priority }).IsUnique();
}

internal sealed class TeamHoursConfiguration : IEntityTypeConfiguration<TeamHours>
{
    public void Configure(EntityTypeBuilder<TeamHours> builder)
    {
        builder.HasKey(h => h.TeamId);
        builder.HasOne(h => h.Team).WithMany().HasForeignKey(h => h.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(h => h.TimeZone).HasMaxLength(64);
        builder.Property(h => h.Week).HasMaxLength(200);
        builder.Property(h => h.Holidays).HasMaxLength(4000);
    }
}

internal sealed class SlaClockConfiguration : IEntityTypeConfiguration<SlaClock>
{
    public void Configure(EntityTypeBuilder<SlaClock> builder)
    {
        builder.HasKey(c => c.ConversationId);
        builder.HasOne(c => c.Conversation).WithOne().HasForeignKey<SlaClock>(c => c.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.TightenedBy).HasMaxLength(64);
        builder.HasIndex(c => c.DueAt);
    }
}

internal sealed class SlaOutcomeConfiguration : IEntityTypeConfiguration<SlaOutcome>
{
    public void Configure(EntityTypeBuilder<SlaOutcome> builder)
    {
        builder.Property(o => o.TightenedBy).HasMaxLength(64);
        builder.HasIndex(o => o.RespondedAt);
        builder.HasIndex(o => new { o.AgentId, o.RespondedAt });
        builder.HasIndex(o => new { o.TeamId, o.RespondedAt });
        builder.HasIndex(o => o.ConversationId);
    }
}

internal sealed class SlaAlertConfiguration : IEntityTypeConfiguration<SlaAlert>
{
    public void Configure(EntityTypeBuilder<SlaAlert> builder)
    {
        builder.HasIndex(a => a.CreatedAt);
        builder.HasIndex(a => a.ConversationId);
    }
}
