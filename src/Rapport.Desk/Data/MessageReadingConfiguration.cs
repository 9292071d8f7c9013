using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Conversations;

namespace Rapport.Desk.Data;

internal sealed class MessageReadingConfiguration : IEntityTypeConfiguration<MessageReading>
{
    public void Configure(EntityTypeBuilder<MessageReading> builder)
    {
        builder.HasKey(r => r.MessageId);
        builder.Property(r => r.EngineVersion).HasMaxLength(32);
        builder.Property(r => r.Language).HasMaxLength(8);

        // Readings older than the running engine are found by version, to be recomputed.
        builder.HasIndex(r => r.EngineVersion);
    }
}
