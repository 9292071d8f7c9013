using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Agents;
using Rapport.Desk.Training;

namespace Rapport.Desk.Data;

internal sealed class TrainingAttemptConfiguration : IEntityTypeConfiguration<TrainingAttempt>
{
    public void Configure(EntityTypeBuilder<TrainingAttempt> builder)
    {
        builder.Property(a => a.ScenarioId).HasMaxLength(80);
        builder.Property(a => a.EngineVersion).HasMaxLength(32);
        builder.Property(a => a.Outcome).HasMaxLength(16);
        builder.HasOne<Agent>().WithMany().HasForeignKey(a => a.AgentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => a.AgentId);
    }
}
