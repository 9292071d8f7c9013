using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Desk.Conversations;

namespace Rapport.Desk.Data;

internal sealed class MessageReviewConfiguration : IEntityTypeConfiguration<MessageReview>
{
    public void Configure(EntityTypeBuilder<MessageReview> builder)
    {
        builder.HasKey(r => r.MessageId);
        builder.Property(r => r.EngineVersion).HasMaxLength(32);
    }
}
