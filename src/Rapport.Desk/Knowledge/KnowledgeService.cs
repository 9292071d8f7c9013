using Microsoft.EntityFrameworkCore;
using Rapport.Core.Knowledge;
using Rapport.Desk.Data;

namespace Rapport.Desk.Knowledge;

/// <summary>An article's fields as given by a request or a Markdown file (already validated field by field).</summary>
/// <param name="Slug">Null: made from the title.</param>
/// <param name="Title">The title.</param>
/// <param name="Body">Markdown.</param>
/// <param name="Tags">Lowercase tags.</param>
/// <param name="Language">A language code.</param>
/// <param name="Questions">Questions the article answers, in customers' words (null: none).</param>
public sealed record KnowledgeFields(string? Slug, string Title, string Body, IReadOnlyList<string> Tags, string Language, IReadOnlyList<string>? Questions = null);

/// <summary>What an upsert by slug did.</summary>
public enum KnowledgeUpsert
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>Creates, reads, changes and searches knowledge-base articles; every write is in the search index at once.</summary>
public sealed class KnowledgeService(RapportDbContext db, KnowledgeSync sync, TimeProvider time)
{
    /// <summary>A page of articles ordered by title then id.</summary>
    public async Task<IReadOnlyList<KnowledgeArticle>> ListAsync(int offset, int limit, CancellationToken cancellationToken) =>
        await db.KnowledgeArticles.AsNoTracking().OrderBy(a => a.Title).ThenBy(a => a.Id).Skip(offset).Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public Task<KnowledgeArticle?> GetAsync(long id, CancellationToken cancellationToken) =>
        db.KnowledgeArticles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <exception cref="DeskConflictException">An article already has the slug.</exception>
    public async Task<KnowledgeArticle> CreateAsync(KnowledgeFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var slug = fields.Slug ?? KnowledgeMarkdown.SlugFromName(fields.Title);
        await EnsureSlugIsFreeAsync(slug, null, cancellationToken).ConfigureAwait(false);
        var now = Now();
        var article = new KnowledgeArticle { Slug = slug, Title = fields.Title, Body = fields.Body, Tags = [.. fields.Tags], Questions = [.. fields.Questions ?? []], Language = fields.Language, CreatedAt = now, UpdatedAt = now };
        db.KnowledgeArticles.Add(article);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await sync.SyncAsync(db, force: true, cancellationToken).ConfigureAwait(false);
        return article;
    }

    /// <summary>Replaces an article's fields; null when it does not exist.</summary>
    /// <exception cref="DeskConflictException">Another article has the new slug.</exception>
    public async Task<KnowledgeArticle?> UpdateAsync(long id, KnowledgeFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var article = await db.KnowledgeArticles.FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return null;
        }

        var slug = fields.Slug ?? article.Slug;
        if (slug != article.Slug)
        {
            await EnsureSlugIsFreeAsync(slug, id, cancellationToken).ConfigureAwait(false);
        }

        if (Apply(article, fields with { Slug = slug }))
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await sync.SyncAsync(db, force: true, cancellationToken).ConfigureAwait(false);
        }

        return article;
    }

    /// <summary>Creates the article with this slug or replaces its fields (an import re-run changes nothing).</summary>
    public async Task<(KnowledgeArticle Article, KnowledgeUpsert Outcome)> UpsertBySlugAsync(string slug, KnowledgeFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var article = await db.KnowledgeArticles.FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken).ConfigureAwait(false);
        if (article is null)
        {
            return (await CreateAsync(fields with { Slug = slug }, cancellationToken).ConfigureAwait(false), KnowledgeUpsert.Created);
        }

        if (!Apply(article, fields with { Slug = slug }))
        {
            return (article, KnowledgeUpsert.Unchanged);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await sync.SyncAsync(db, force: true, cancellationToken).ConfigureAwait(false);
        return (article, KnowledgeUpsert.Updated);
    }

    /// <returns>False when the article does not exist.</returns>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        var deleted = await db.KnowledgeArticles.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            await sync.SyncAsync(db, force: true, cancellationToken).ConfigureAwait(false);
        }

        return deleted > 0;
    }

    /// <summary>The best articles for a customer's question, each with the passage that answers (ranked by Lucene, BM25).</summary>
    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string question, int limit, CancellationToken cancellationToken)
    {
        await sync.SyncAsync(db, force: false, cancellationToken).ConfigureAwait(false);
        return sync.Index.Search(question, limit);
    }

    /// <summary>The clock at millisecond precision, what both providers store, so that a response and a later read agree.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    private async Task EnsureSlugIsFreeAsync(string slug, long? except, CancellationToken cancellationToken)
    {
        if (await db.KnowledgeArticles.AnyAsync(a => a.Slug == slug && a.Id != except, cancellationToken).ConfigureAwait(false))
        {
            throw new DeskConflictException("slug", $"An article with the slug '{slug}' already exists.");
        }
    }

    /// <returns>Whether anything changed (UpdatedAt moves only then).</returns>
    private bool Apply(KnowledgeArticle article, KnowledgeFields fields)
    {
        if (article.Slug == fields.Slug && article.Title == fields.Title && article.Body == fields.Body
            && article.Language == fields.Language && article.Tags.SequenceEqual(fields.Tags) && article.Questions.SequenceEqual(fields.Questions ?? []))
        {
            return false;
        }

        article.Slug = fields.Slug!;
        article.Title = fields.Title;
        article.Body = fields.Body;
        article.Tags = [.. fields.Tags];
        article.Questions = [.. fields.Questions ?? []];
        article.Language = fields.Language;
        var now = Now();

        // The index diffs on UpdatedAt: it must move even when two writes fall within the clock's resolution.
        article.UpdatedAt = now > article.UpdatedAt ? now : article.UpdatedAt.AddMilliseconds(1);
        return true;
    }
}
