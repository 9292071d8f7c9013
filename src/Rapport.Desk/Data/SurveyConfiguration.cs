using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Agents;
using Rapport.Desk.Conversations;
using Rapport.Desk.Surveys;

namespace Rapport.Desk.Data;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.Property(s => s.TokenHash).HasMaxLength(32);
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasIndex(s => s.ConversationId);
        builder.HasIndex(s => s.AgentId);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(s => s.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agent>().WithMany().HasForeignKey(s => s.AgentId).OnDelete(DeleteBehavior.SetNull);

        // The response's key is the survey's id: one answer per survey, enforced by the database.
        builder.HasOne(s => s.Response).WithOne().HasForeignKey<SurveyResponse>(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}
