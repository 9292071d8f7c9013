using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Scheduling;

namespace Rapport.Desk.Data;

internal sealed class DueWorkConfiguration : IEntityTypeConfiguration<DueWork>
{
    public void Configure(EntityTypeBuilder<DueWork> builder)
    {
        builder.ToTable("DueWork");
        builder.Property(w => w.Kind).HasMaxLength(DueWorkSchedule.MaxKindLength);
        builder.Property(w => w.LastError).HasMaxLength(500);

        // The sweep: unfinished rows by due time; scheduling: the pending row of a kind for a subject.
        builder.HasIndex(w => new { w.DoneAt, w.DueAt });
        builder.HasIndex(w => new { w.Kind, w.SubjectId });
    }
}
