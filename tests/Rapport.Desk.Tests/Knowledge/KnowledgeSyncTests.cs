using Microsoft.Extensions.Options;
using Rapport.Desk.Knowledge;

namespace Rapport.Desk.Tests.Knowledge;

/// <summary>Two "server instances" (each its own index and sync) on one database: a change made through one reaches the
/// other's searches once its change-stamp check is due, and not before.</summary>
public sealed class KnowledgeSyncTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Another_instances_create_update_and_delete_reach_this_index_after_the_check_interval()
    {
        await using var database = await DeskDatabase.CreateAsync(Now);
        using var indexA = new KnowledgeIndex();
        using var indexB = new KnowledgeIndex();
        using var syncA = new KnowledgeSync(indexA, database.Time, Options.Create(new KnowledgeOptions()));
        using var syncB = new KnowledgeSync(indexB, database.Time, Options.Create(new KnowledgeOptions { StampCheckSeconds = 2 }));
        var a = new KnowledgeService(database.Db, syncA, database.Time);
        var b = new KnowledgeService(database.Db, syncB, database.Time);
        Assert.Empty(await b.SearchAsync("walrus", 5, CancellationToken.None));

        var article = await a.CreateAsync(new KnowledgeFields(null, "Walrus feeding", "Walruses eat clams.", ["animals"], "en"), CancellationToken.None);
        Assert.Equal("walrus-feeding", article.Slug);
        Assert.Equal("walrus-feeding", Assert.Single(await a.SearchAsync("walrus", 5, CancellationToken.None)).Slug);
        Assert.Empty(await b.SearchAsync("walrus", 5, CancellationToken.None));

        database.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("walrus-feeding", Assert.Single(await b.SearchAsync("walrus", 5, CancellationToken.None)).Slug);

        database.Time.Advance(TimeSpan.FromMilliseconds(5));
        await a.UpdateAsync(article.Id, new KnowledgeFields(null, "Walrus feeding", "Walruses eat snails.", ["animals"], "en"), CancellationToken.None);
        Assert.Empty(await b.SearchAsync("snails", 5, CancellationToken.None));
        database.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Single(await b.SearchAsync("snails", 5, CancellationToken.None));
        Assert.Empty(await b.SearchAsync("clams", 5, CancellationToken.None));

        Assert.True(await a.DeleteAsync(article.Id, CancellationToken.None));
        database.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(await b.SearchAsync("walrus", 5, CancellationToken.None));
        Assert.Equal(0, indexB.ArticleCount);
    }

    [Fact]
    public async Task An_update_within_the_same_millisecond_still_moves_UpdatedAt()
    {
        await using var database = await DeskDatabase.CreateAsync(Now);
        using var index = new KnowledgeIndex();
        using var sync = new KnowledgeSync(index, database.Time, Options.Create(new KnowledgeOptions()));
        var service = new KnowledgeService(database.Db, sync, database.Time);
        var article = await service.CreateAsync(new KnowledgeFields("same-ms", "T", "One.", [], "en"), CancellationToken.None);
        var created = article.UpdatedAt;

        var updated = await service.UpdateAsync(article.Id, new KnowledgeFields(null, "T", "Two.", [], "en"), CancellationToken.None);

        Assert.True(updated!.UpdatedAt > created);
        Assert.Equal("same-ms", updated.Slug);
    }
}

public sealed class KnowledgeIndexTests
{
    [Fact]
    public void Search_DemoQuestion_ReturnsTheAnsweringPassageWithItsHeading()
    {
        using var index = DemoKnowledgeIndex.Create();

        var hit = index.Search("how many days does my bank take to show the refund on my card?", 3)[0];

        Assert.Equal("refund-timing", hit.Slug);
        Assert.Equal("How long the bank takes", hit.Heading);
        Assert.Contains("3–5 working days", hit.Passage, StringComparison.Ordinal);
        Assert.InRange(hit.Confidence, 0.5, 1);
    }

    [Fact]
    public void Search_Typo_StillFindsTheArticle()
    {
        using var index = DemoKnowledgeIndex.Create();

        Assert.Equal("two-factor", index.Search("how to turn on two-step verificaton", 1)[0].Slug);
    }

    [Fact]
    public void Search_NothingRelated_ReturnsNothingOrLowConfidence()
    {
        using var index = DemoKnowledgeIndex.Create();

        var hits = index.Search("xylophone zeppelin quasar", 3);

        Assert.All(hits, h => Assert.True(h.Confidence < 0.34, $"{h.Slug} {h.Confidence}"));
    }

    [Fact]
    public void Search_OnlyStopWords_ReturnsNothing()
    {
        using var index = DemoKnowledgeIndex.Create();

        Assert.Empty(index.Search("how do I, can you please?", 3));
    }
}
