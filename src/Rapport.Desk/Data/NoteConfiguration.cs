using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Conversations;

namespace Rapport.Desk.Data;

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> builder)
    {
        builder.Property(n => n.Body).HasMaxLength(8000);
        builder.HasIndex(n => n.ConversationId);
    }
}
