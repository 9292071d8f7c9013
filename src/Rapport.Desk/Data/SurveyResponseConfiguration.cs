using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Surveys;

namespace Rapport.Desk.Data;

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.HasKey(r => r.SurveyId);
        builder.Property(r => r.SurveyId).ValueGeneratedNever();
        builder.Property(r => r.Comment).HasMaxLength(SurveyAnswer.MaxCommentLength);
        builder.Property(r => r.EngineVersion).HasMaxLength(32);
        builder.HasIndex(r => new { r.AgentId, r.AnsweredAt });
        builder.HasIndex(r => new { r.ConversationId, r.AnsweredAt });
    }
}
