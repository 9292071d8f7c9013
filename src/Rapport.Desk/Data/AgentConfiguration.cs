using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Agents;

namespace Rapport.Desk.Data;

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Email).HasMaxLength(320);
        builder.Property(a => a.PasswordHash).HasMaxLength(500);
        builder.HasIndex(a => a.Email).IsUnique();
        builder.HasOne(a => a.Team).WithMany(t => t.Agents).HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}
