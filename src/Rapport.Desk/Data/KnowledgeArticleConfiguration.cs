using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rapport.Core.Knowledge;
using Rapport.Desk.Knowledge;

namespace Rapport.Desk.Data;

internal sealed class KnowledgeArticleConfiguration : IEntityTypeConfiguration<KnowledgeArticle>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticle> builder)
    {
        builder.ToTable("KnowledgeArticles");
        builder.Property(a => a.Slug).HasMaxLength(KnowledgeMarkdown.MaxSlugLength);
        builder.Property(a => a.Title).HasMaxLength(KnowledgeMarkdown.MaxTitleLength);
        builder.Property(a => a.Language).HasMaxLength(8);

        // Tags and questions are read with the article and never queried in SQL: a JSON array on both providers.
        JsonList(builder.Property(a => a.Tags), 2000);
        JsonList(builder.Property(a => a.Questions), 8000);
        builder.HasIndex(a => a.Slug).IsUnique();

        // The index's change-stamp check reads the newest UpdatedAt.
        builder.HasIndex(a => a.UpdatedAt);
    }

    private static void JsonList(PropertyBuilder<List<string>> property, int maxLength) =>
        property
            .HasConversion(
                v => JsonSerializer.Serialize(v, DeskJson.Options),
                v => JsonSerializer.Deserialize<List<string>>(v, DeskJson.Options) ?? new List<string>())
            .HasMaxLength(maxLength)
            .Metadata.SetValueComparer(new ValueComparer<List<string>>(
                (a, b) => a!.SequenceEqual(b!),
                v => v.Aggregate(0, (h, t) => HashCode.Combine(h, t.GetHashCode(StringComparison.Ordinal))),
                v => v.ToList()));
}
