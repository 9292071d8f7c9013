using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Agents;
using Rapport.Desk.Conversations;
using Rapport.Desk.Training;

namespace Rapport.Desk.Data;

internal sealed class StoredScenarioConfiguration : IEntityTypeConfiguration<StoredScenario>
{
    public void Configure(EntityTypeBuilder<StoredScenario> builder)
    {
        builder.ToTable("TrainingScenarios");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(80);
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(s => s.SourceConversationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Agent>().WithMany().HasForeignKey(s => s.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
