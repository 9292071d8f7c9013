using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rapport.Desk.Data;
using Rapport.Desk.Knowledge;

namespace Rapport.Server.Tests.Knowledge;

public abstract class KnowledgeEndpointsTests(ServerFixture server)
{
    private const string RefundBody = """
        Refunds are issued when your return reaches the warehouse.

        ## How long the bank takes

        After we issue it, the money appears within 3-5 working days on cards and 1 day on PayPal.

        ## Store credit

        You can choose store credit instead: it is available immediately.
        """;

    private static string Unique(string slug) => $"{slug}-{Guid.NewGuid():N}"[..(slug.Length + 9)];

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await server.Client.SendAsync(request);
    }

    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> SearchAsync(string q, int limit = 5) =>
        await server.GetJsonAsync($"/api/v1/knowledge/search?q={Uri.EscapeDataString(q)}&limit={limit}");

    [Fact]
    public async Task An_article_is_created_found_by_its_passage_updated_and_deleted()
    {
        var slug = Unique("refund-speed");
        var created = await server.PostJsonAsync("/api/v1/knowledge", new { slug, title = "Refund speed (zebra)", body = RefundBody, tags = new[] { " Refunds ", "refunds", "Payment" } }, 201);
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal(["refunds", "payment"], created.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("en", created.GetProperty("language").GetString());

        var got = await server.GetJsonAsync($"/api/v1/knowledge/{id}");
        Assert.Equal(RefundBody, got.GetProperty("body").GetString());
        var listed = await server.GetJsonAsync("/api/v1/knowledge?limit=500");
        Assert.Contains(listed.EnumerateArray(), a => a.GetProperty("slug").GetString() == slug && !a.TryGetProperty("body", out _));

        // The passage that answers is the bank section, with offsets into the body.
        var search = await SearchAsync("zebra: how many days until the money is back on my card from the bank?");
        var first = search.GetProperty("results")[0];
        Assert.Equal(slug, first.GetProperty("article").GetProperty("slug").GetString());
        var passage = first.GetProperty("passage");
        Assert.Equal("How long the bank takes", passage.GetProperty("heading").GetString());
        Assert.Contains("3-5 working days", passage.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(passage.GetProperty("text").GetString(), RefundBody.Substring(passage.GetProperty("start").GetInt32(), passage.GetProperty("length").GetInt32()));
        Assert.InRange(first.GetProperty("confidence").GetDouble(), 0.01, 1);

        // An update is searchable at once.
        await ExpectAsync(await SendAsync(HttpMethod.Put, $"/api/v1/knowledge/{id}", new { title = "Refund speed (zebra)", body = RefundBody + "\n\n## Quokka\n\nQuokkas get refunds by carrier pigeon." }), HttpStatusCode.OK);
        var quokka = await SearchAsync("quokka pigeon");
        Assert.Equal(slug, quokka.GetProperty("results")[0].GetProperty("article").GetProperty("slug").GetString());
        Assert.Equal("Quokka", quokka.GetProperty("results")[0].GetProperty("passage").GetProperty("heading").GetString());

        await ExpectAsync(await SendAsync(HttpMethod.Delete, $"/api/v1/knowledge/{id}"), HttpStatusCode.NoContent);
        await ExpectAsync(await SendAsync(HttpMethod.Get, $"/api/v1/knowledge/{id}"), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await SearchAsync("quokka pigeon")).GetProperty("results").EnumerateArray(), r => r.GetProperty("article").GetProperty("slug").GetString() == slug);
    }

    [Fact]
    public async Task An_articles_questions_are_stored_and_find_it_by_words_its_text_does_not_use()
    {
        var slug = Unique("ocelot");
        var created = await server.PostJsonAsync(
            "/api/v1/knowledge", new { slug, title = $"Ocelot {slug} care", body = "Feed twice a day.", questions = new[] { " Why is my  marmoset hungry? ", "Why is my  marmoset hungry?" } }, 201);

        Assert.Equal(["Why is my marmoset hungry?"], created.GetProperty("questions").EnumerateArray().Select(q => q.GetString()));
        var search = await SearchAsync("marmoset hungry");
        Assert.Equal(slug, search.GetProperty("results")[0].GetProperty("article").GetProperty("slug").GetString());
    }

    [Fact]
    public async Task A_question_nothing_answers_finds_nothing()
    {
        var results = (await SearchAsync("xylophone zeppelin")).GetProperty("results");

        Assert.Equal(0, results.GetArrayLength());
    }

    [Fact]
    public async Task Upsert_by_slug_creates_then_is_unchanged_then_updates()
    {
        var slug = Unique("upsert");
        var article = new { title = "Upserted", body = "First body.", tags = new[] { "a" } };

        var created = await ExpectAsync(await SendAsync(HttpMethod.Put, $"/api/v1/knowledge/slug/{slug}", article), HttpStatusCode.Created);
        var again = await ExpectAsync(await SendAsync(HttpMethod.Put, $"/api/v1/knowledge/slug/{slug}", article), HttpStatusCode.OK);
        var changed = await ExpectAsync(await SendAsync(HttpMethod.Put, $"/api/v1/knowledge/slug/{slug}", article with { body = "Second body." }), HttpStatusCode.OK);

        Assert.Equal("created", created.GetProperty("outcome").GetString());
        Assert.Equal("unchanged", again.GetProperty("outcome").GetString());
        Assert.Equal(created.GetProperty("article").GetProperty("updatedAt").GetDateTimeOffset(), again.GetProperty("article").GetProperty("updatedAt").GetDateTimeOffset());
        Assert.Equal("updated", changed.GetProperty("outcome").GetString());
        Assert.Equal(created.GetProperty("article").GetProperty("id").GetInt64(), changed.GetProperty("article").GetProperty("id").GetInt64());
        Assert.Equal("Second body.", changed.GetProperty("article").GetProperty("body").GetString());
    }

    [Fact]
    public async Task Duplicate_slugs_are_409_and_missing_articles_404()
    {
        var slug = Unique("dup");
        await server.PostJsonAsync("/api/v1/knowledge", new { slug, title = "One", body = "Body." }, 201);
        var other = (await server.PostJsonAsync("/api/v1/knowledge", new { slug = slug + "-2", title = "Two", body = "Body." }, 201)).GetProperty("id").GetInt64();

        var duplicate = await ExpectAsync(await SendAsync(HttpMethod.Post, "/api/v1/knowledge", new { slug, title = "Again", body = "Body." }), HttpStatusCode.Conflict);
        Assert.Contains(slug, duplicate.GetProperty("errors").GetProperty("slug")[0].GetString(), StringComparison.Ordinal);
        await ExpectAsync(await SendAsync(HttpMethod.Put, $"/api/v1/knowledge/{other}", new { slug, title = "Two", body = "Body." }), HttpStatusCode.Conflict);

        await ExpectAsync(await SendAsync(HttpMethod.Get, "/api/v1/knowledge/999999"), HttpStatusCode.NotFound);
        await ExpectAsync(await SendAsync(HttpMethod.Put, "/api/v1/knowledge/999999", new { title = "T", body = "B" }), HttpStatusCode.NotFound);
        await ExpectAsync(await SendAsync(HttpMethod.Delete, "/api/v1/knowledge/999999"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{}", "title")]
    [InlineData("""{"title":"T","body":"  "}""", "body")]
    [InlineData("""{"title":"T","body":"B","slug":"Not A Slug"}""", "slug")]
    [InlineData("""{"title":"T","body":"B","tags":["ok",""]}""", "tags[1]")]
    [InlineData("""{"title":"T","body":"B","tags":["a,b"]}""", "tags[0]")]
    [InlineData("""{"title":"T","body":"B","language":"english!"}""", "language")]
    [InlineData("""{"title":"!!!","body":"B"}""", "slug")]
    [InlineData("""{"title":5,"body":"B"}""", "title")]
    [InlineData("""{"title":"T","body":"B","questions":["Fine?","  "]}""", "questions[1]")]
    public async Task Invalid_articles_are_400_naming_the_field(string json, string field)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await server.Client.PostAsync(new Uri("/api/v1/knowledge", UriKind.Relative), content);

        var problem = await ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/api/v1/knowledge/search", "q")]
    [InlineData("/api/v1/knowledge/search?q=%20", "q")]
    [InlineData("/api/v1/knowledge/search?q=refund&limit=0", "limit")]
    [InlineData("/api/v1/knowledge/search?q=refund&limit=abc", "limit")]
    [InlineData("/api/v1/knowledge?limit=501", "limit")]
    [InlineData("/api/v1/knowledge/slug/Bad_Slug", "slug")]
    public async Task Invalid_queries_are_400_naming_the_field(string path, string field)
    {
        using var response = path.Contains("/slug/", StringComparison.Ordinal)
            ? await SendAsync(HttpMethod.Put, path, new { title = "T", body = "B" })
            : await SendAsync(HttpMethod.Get, path);

        var problem = await ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task The_warm_up_job_loads_articles_into_the_index_before_any_search()
    {
        // Written straight to the table, so only a sync (the warm-up's, here) can put it in the index.
        var slug = Unique("tapir");
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
            var now = DateTimeOffset.UtcNow;
            db.KnowledgeArticles.Add(new KnowledgeArticle { Slug = slug, Title = "Tapir snouts", Body = "Tapirs grab leaves with their snouts.", Language = "en", CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        }

        var index = server.Services.GetRequiredService<KnowledgeIndex>();
        Assert.DoesNotContain(index.Search("tapir snouts", 5), h => h.Slug == slug);
        var warmUp = server.Services.GetServices<IHostedService>().OfType<Rapport.Server.Jobs.KnowledgeWarmUpJob>().Single();

        await warmUp.StartAsync(CancellationToken.None);

        Assert.Equal(slug, index.Search("tapir snouts", 5)[0].Slug);
    }

    [Fact]
    public async Task A_change_made_by_another_instance_is_searchable_within_seconds()
    {
        // Another server instance writes straight to the table: this instance's index is not told and must notice
        // through its change-stamp check (every 2 seconds by default).
        await SearchAsync("warm up the index");
        var slug = Unique("elsewhere");
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
            var now = DateTimeOffset.UtcNow;
            db.KnowledgeArticles.Add(new KnowledgeArticle { Slug = slug, Title = "Capybara care", Body = "Capybaras like warm baths.", Language = "en", CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var results = (await SearchAsync("capybara baths")).GetProperty("results");
            if (results.GetArrayLength() > 0 && results[0].GetProperty("article").GetProperty("slug").GetString() == slug)
            {
                break;
            }

            Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), "the other instance's article was not searchable after 10 s");
            await Task.Delay(200);
        }
    }
}

public sealed class KnowledgeEndpointsTestsOnSqlite(EmptyDeskFixture server) : KnowledgeEndpointsTests(server), IClassFixture<EmptyDeskFixture>;

public sealed class KnowledgeEndpointsTestsOnPostgreSql(EmptyDeskPostgreSqlFixture server) : KnowledgeEndpointsTests(server), IClassFixture<EmptyDeskPostgreSqlFixture>;
