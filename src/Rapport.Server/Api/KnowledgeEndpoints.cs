using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Core.Knowledge;
using Rapport.Desk.Knowledge;
using Rapport.Server.Api.Contracts;

namespace Rapport.Server.Api;

/// <summary><c>/api/v1/knowledge</c>: the knowledge base's articles and the search that finds the passage that answers
/// (docs/knowledge-base.md).</summary>
internal static class KnowledgeEndpoints
{
    /// <summary>The longest article body accepted.</summary>
    public const int MaxBodyLength = 100_000;

    /// <summary>The longest search question accepted.</summary>
    public const int MaxQueryLength = 2_000;

    public static IEndpointRouteBuilder MapKnowledge(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/knowledge").WithTags("Knowledge");
        group.MapGet("/", ListAsync).WithName("ListKnowledgeArticles").WithSummary("Articles by title, without bodies (offset, limit 1-500, default 100).");
        group.MapGet("/search", SearchAsync).WithName("SearchKnowledge")
            .WithSummary("The articles that best answer q (a customer's words), ranked, each with the passage that answers (limit 1-20, default 5).");
        group.MapGet("/{id:long}", GetAsync).WithName("GetKnowledgeArticle").WithSummary("An article with its Markdown body.");
        group.MapPost("/", CreateAsync).WithName("CreateKnowledgeArticle").WithSummary("Creates an article (a taken slug: 409; a signed-in agent: 403).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:long}", UpdateAsync).WithName("UpdateKnowledgeArticle").WithSummary("Replaces an article's fields (a slug another article has: 409; a signed-in agent: 403).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/slug/{slug}", UpsertAsync).WithName("UpsertKnowledgeArticle")
            .WithSummary("Creates the article with this slug (201) or replaces its fields (200; 'unchanged' when equal): what rapport kb import sends.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteKnowledgeArticle").WithSummary("Deletes an article (a signed-in agent: 403).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    internal static async Task<Results<Ok<KnowledgeSummaryResponse[]>, ValidationProblem>> ListAsync(
        KnowledgeService knowledge, CancellationToken cancellationToken, int offset = 0, int limit = 100)
    {
        var validator = new RequestValidator();
        validator.Range("offset", offset, 0, int.MaxValue);
        validator.Range("limit", limit, 1, 500);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var articles = await knowledge.ListAsync(offset, limit, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(articles.Select(KnowledgeSummaryResponse.From).ToArray());
    }

    internal static async Task<Results<Ok<KnowledgeSearchResponse>, ValidationProblem>> SearchAsync(
        KnowledgeService knowledge, CancellationToken cancellationToken, string? q = null, int limit = 5)
    {
        var validator = new RequestValidator();
        var question = validator.Text("q", q, required: true, maxLength: MaxQueryLength);
        validator.Range("limit", limit, 1, 20);
        if (!validator.IsValid || question is null)
        {
            return validator.Problem();
        }

        var hits = await knowledge.SearchAsync(question, limit, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new KnowledgeSearchResponse(question, hits.Select(KnowledgeSearchResult.From).ToArray()));
    }

    internal static async Task<Results<Ok<KnowledgeArticleResponse>, ProblemHttpResult>> GetAsync(
        long id, KnowledgeService knowledge, CancellationToken cancellationToken) =>
        await knowledge.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } article
            ? TypedResults.Ok(KnowledgeArticleResponse.From(article))
            : NotFound.Problem("Knowledge article", id);

    internal static async Task<Results<Created<KnowledgeArticleResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        KnowledgeArticleRequest request, ClaimsPrincipal user, KnowledgeService knowledge, CancellationToken cancellationToken)
    {
        if (KnowledgeAccess.WhyCannotManage(user) is { } reason)
        {
            return Forbidden(reason);
        }

        var validator = new RequestValidator();
        if (Validate(request, validator) is not { } fields)
        {
            return validator.Problem();
        }

        var article = await knowledge.CreateAsync(fields, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/knowledge/{article.Id}", KnowledgeArticleResponse.From(article));
    }

    internal static async Task<Results<Ok<KnowledgeArticleResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, KnowledgeArticleRequest request, ClaimsPrincipal user, KnowledgeService knowledge, CancellationToken cancellationToken)
    {
        if (KnowledgeAccess.WhyCannotManage(user) is { } reason)
        {
            return Forbidden(reason);
        }

        var validator = new RequestValidator();
        if (Validate(request, validator) is not { } fields)
        {
            return validator.Problem();
        }

        return await knowledge.UpdateAsync(id, fields, cancellationToken).ConfigureAwait(false) is { } article
            ? TypedResults.Ok(KnowledgeArticleResponse.From(article))
            : NotFound.Problem("Knowledge article", id);
    }

    internal static async Task<Results<Created<KnowledgeUpsertResponse>, Ok<KnowledgeUpsertResponse>, ValidationProblem, ProblemHttpResult>> UpsertAsync(
        string slug, KnowledgeArticleRequest request, ClaimsPrincipal user, KnowledgeService knowledge, CancellationToken cancellationToken)
    {
        if (KnowledgeAccess.WhyCannotManage(user) is { } reason)
        {
            return Forbidden(reason);
        }

        var validator = new RequestValidator();
        if (!KnowledgeMarkdown.IsValidSlug(slug))
        {
            validator.Add("slug", $"The slug in the URL must be 1-{KnowledgeMarkdown.MaxSlugLength} of a-z, 0-9 and inner hyphens.");
        }
        else if (request.Slug is not null && request.Slug != slug)
        {
            validator.Add("slug", "The body's slug differs from the URL's; leave it out.");
        }

        var fields = Validate(request with { Slug = null }, validator);
        if (!validator.IsValid || fields is null)
        {
            return validator.Problem();
        }

        var (article, outcome) = await knowledge.UpsertBySlugAsync(slug, fields, cancellationToken).ConfigureAwait(false);
        var response = new KnowledgeUpsertResponse(Json.CamelCase(outcome.ToString()), KnowledgeArticleResponse.From(article));
        return outcome == KnowledgeUpsert.Created
            ? TypedResults.Created($"/api/v1/knowledge/{article.Id}", response)
            : TypedResults.Ok(response);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, ClaimsPrincipal user, KnowledgeService knowledge, CancellationToken cancellationToken)
    {
        if (KnowledgeAccess.WhyCannotManage(user) is { } reason)
        {
            return Forbidden(reason);
        }

        return await knowledge.DeleteAsync(id, cancellationToken).ConfigureAwait(false) ? TypedResults.NoContent() : NotFound.Problem("Knowledge article", id);
    }

    private static ProblemHttpResult Forbidden(string reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed to change the knowledge base", detail: reason);

    /// <summary>Checks every field, listing all failures; null when any failed. The workspace's editor uses the same rules.</summary>
    internal static KnowledgeFields? Validate(KnowledgeArticleRequest request, RequestValidator validator)
    {
        var title = validator.Text("title", request.Title, required: true, maxLength: KnowledgeMarkdown.MaxTitleLength);
        var body = validator.Text("body", request.Body, required: true, maxLength: MaxBodyLength);
        string? slug = null;
        if (request.Slug is not null && !KnowledgeMarkdown.IsValidSlug(request.Slug))
        {
            validator.Add("slug", $"'slug' must be 1-{KnowledgeMarkdown.MaxSlugLength} of a-z, 0-9 and inner hyphens.");
        }
        else
        {
            slug = request.Slug;
        }

        if (slug is null && title is not null && !title.Any(char.IsAsciiLetterOrDigit))
        {
            validator.Add("slug", "The title has no letters or digits to make a slug from: give 'slug'.");
        }

        var language = validator.Text("language", request.Language, required: false, maxLength: 8);
        if (language is not null && (language.Length < 2 || !language.All(c => char.IsAsciiLetter(c) || c == '-')))
        {
            validator.Add("language", "'language' must be a language code such as en or pt-br.");
        }

        var tags = new List<string>();
        if (request.Tags is { Count: > KnowledgeMarkdown.MaxTags })
        {
            validator.Add("tags", $"At most {KnowledgeMarkdown.MaxTags} tags; there are {request.Tags.Count}.");
        }
        else if (request.Tags is not null)
        {
            for (var i = 0; i < request.Tags.Count; i++)
            {
                if (KnowledgeMarkdown.NormalizeTag(request.Tags[i], out var error) is { } tag)
                {
                    if (!tags.Contains(tag, StringComparer.Ordinal))
                    {
                        tags.Add(tag);
                    }
                }
                else
                {
                    validator.Add($"tags[{i}]", error!);
                }
            }
        }

        var questions = new List<string>();
        if (request.Questions is { Count: > KnowledgeMarkdown.MaxQuestions })
        {
            validator.Add("questions", $"At most {KnowledgeMarkdown.MaxQuestions} questions; there are {request.Questions.Count}.");
        }
        else if (request.Questions is not null)
        {
            for (var i = 0; i < request.Questions.Count; i++)
            {
                if (KnowledgeMarkdown.NormalizeQuestion(request.Questions[i], out var error) is { } question)
                {
                    if (!questions.Contains(question, StringComparer.Ordinal))
                    {
                        questions.Add(question);
                    }
                }
                else
                {
                    validator.Add($"questions[{i}]", error!);
                }
            }
        }

        return validator.IsValid && title is not null && body is not null
            ? new KnowledgeFields(slug, title.Trim(), body, tags, language?.ToLowerInvariant() ?? "en", questions)
            : null;
    }
}
