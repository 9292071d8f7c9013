using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Analytics;

namespace Rapport.Desk.Data;

internal sealed class EmpathyDailyConfiguration : IEntityTypeConfiguration<EmpathyDaily>
{
    public void Configure(EntityTypeBuilder<EmpathyDaily> builder) => builder.HasIndex(r => new { r.Day, r.AgentId });
}

internal sealed class EmotionDailyConfiguration : IEntityTypeConfiguration<EmotionDaily>
{
    public void Configure(EntityTypeBuilder<EmotionDaily> builder)
    {
        builder.Property(r => r.Label).HasMaxLength(24);
        builder.HasIndex(r => new { r.Day, r.AgentId });
    }
}

internal sealed class ResponseDailyConfiguration : IEntityTypeConfiguration<ResponseDaily>
{
    public void Configure(EntityTypeBuilder<ResponseDaily> builder) => builder.HasIndex(r => new { r.Day, r.AgentId });
}

internal sealed class SurveyDailyConfiguration : IEntityTypeConfiguration<SurveyDaily>
{
    public void Configure(EntityTypeBuilder<SurveyDaily> builder) => builder.HasIndex(r => new { r.Day, r.AgentId });
}

internal sealed class PromiseDailyConfiguration : IEntityTypeConfiguration<PromiseDaily>
{
    public void Configure(EntityTypeBuilder<PromiseDaily> builder) => builder.HasIndex(r => new { r.Day, r.AgentId });
}

internal sealed class ConversationEmpathyConfiguration : IEntityTypeConfiguration<ConversationEmpathy>
{
    public void Configure(EntityTypeBuilder<ConversationEmpathy> builder)
    {
        builder.HasIndex(r => r.ConversationId);
        builder.HasIndex(r => new { r.LastDay, r.FirstDay });
    }
}

internal sealed class AnalyticsWatermarkConfiguration : IEntityTypeConfiguration<AnalyticsWatermark>
{
    public void Configure(EntityTypeBuilder<AnalyticsWatermark> builder) => builder.Property(w => w.Id).ValueGeneratedNever();
}
