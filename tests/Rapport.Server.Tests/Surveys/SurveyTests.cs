using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rapport.Desk.Data;

namespace Rapport.Server.Tests.Surveys;

/// <summary>Surveys end to end: the API creates and lists them, the public page (plain HTML form) answers them once.</summary>
public abstract partial class SurveyTests(ServerFixture server, FakeTimeProvider time)
{
    private async Task<(long Conversation, long Agent)> ResolvedConversationAsync(string status = "resolved")
    {
        var agent = (await server.PostJsonAsync("/api/v1/agents", new { name = "Sam Rivera", email = $"sam-{Guid.NewGuid():N}@example.com" }, 201)).GetProperty("id").GetInt64();
        var customer = (await server.PostJsonAsync("/api/v1/customers", new { name = "Maria Lopez", email = "maria@example.com" }, 201)).GetProperty("id").GetInt64();
        var conversation = (await server.PostJsonAsync("/api/v1/conversations", new { customerId = customer, channel = "email", subject = "Cracked cake stand", message = "My cake stand arrived cracked." }, 201))
            .GetProperty("conversation").GetProperty("id").GetInt64();
        await PutAsync($"/api/v1/conversations/{conversation}/assignee", new { agentId = agent });
        if (status != "open")
        {
            await PutAsync($"/api/v1/conversations/{conversation}/status", new { status });
        }

        return (conversation, agent);
    }

    private async Task PutAsync(string path, object body)
    {
        using var response = await server.Client.PutAsJsonAsync(new Uri(path, UriKind.Relative), body);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<string> CreateSurveyAsync(long conversation)
    {
        var created = await server.PostJsonAsync($"/api/v1/conversations/{conversation}/survey", new { }, 201);
        var url = created.GetProperty("url").GetString()!;
        Assert.StartsWith(server.BaseAddress.ToString().TrimEnd('/') + "/survey/", url, StringComparison.Ordinal);
        Assert.Equal(time.GetUtcNow().AddDays(14), created.GetProperty("expiresAt").GetDateTimeOffset());
        return new Uri(url).AbsolutePath;
    }

    /// <summary>A customer's browser without JavaScript: its own cookies, no API key.</summary>
    private sealed class Customer(HttpClient client) : IDisposable
    {
        public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        /// <summary>Opens the form (for its anti-forgery field) and posts <paramref name="fields"/>.</summary>
        public async Task<(HttpStatusCode Status, string Html)> AnswerAsync(string path, params (string Name, string Value)[] fields)
        {
            var (_, form) = await GetAsync(path);
            var hidden = Hidden().Match(form);
            var values = new List<KeyValuePair<string, string>>();
            if (hidden.Success)
            {
                values.Add(new(hidden.Groups["name"].Value, WebUtility.HtmlDecode(hidden.Groups["value"].Value)));
            }

            values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
            return await PostAsync(path, values);
        }

        public async Task<(HttpStatusCode Status, string Html)> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> values)
        {
            using var content = new FormUrlEncodedContent(values);
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public void Dispose() => client.Dispose();
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]+)" />""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Hidden();

    private Customer NewCustomer() => new(server.CreateClient(null));

    [Fact]
    public async Task A_resolved_conversation_gets_a_survey_whose_answer_is_read_and_attached_to_conversation_and_agent()
    {
        var (conversation, agent) = await ResolvedConversationAsync();
        var path = await CreateSurveyAsync(conversation);
        using var customer = NewCustomer();

        var (status, form) = await customer.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("How did we do?", form, StringComparison.Ordinal);
        Assert.Contains("Did you feel understood by Sam?", form, StringComparison.Ordinal);
        Assert.Contains("<fieldset", form, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor.web.js", form, StringComparison.Ordinal);

        const string comment = "Thank you so much, I was really worried about the party but Sam sorted it out quickly. Great help!";
        var (answered, thanks) = await customer.AnswerAsync(path, ("satisfaction", "5"), ("understood", "4"), ("comment", comment));
        Assert.Equal(HttpStatusCode.OK, answered);
        Assert.Contains("data-testid=\"survey-thanks\"", thanks, StringComparison.Ordinal);

        var surveys = await server.GetJsonAsync($"/api/v1/conversations/{conversation}/surveys");
        var survey = Assert.Single(surveys.EnumerateArray());
        Assert.Equal("answered", survey.GetProperty("state").GetString());
        Assert.Equal(agent, survey.GetProperty("agentId").GetInt64());
        var answer = survey.GetProperty("answer");
        Assert.Equal(5, answer.GetProperty("satisfaction").GetInt32());
        Assert.Equal(4, answer.GetProperty("feltUnderstood").GetInt32());
        Assert.Equal(comment, answer.GetProperty("comment").GetString());
        var reading = answer.GetProperty("commentReading");
        Assert.Equal(Rapport.Core.Emotions.EmotionAnalyzer.Version, reading.GetProperty("engineVersion").GetString());
        Assert.Contains("gratitude", reading.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.True(reading.GetProperty("valence").GetDouble() > 0, reading.ToString());

        var summary = await server.GetJsonAsync($"/api/v1/agents/{agent}/surveys/summary");
        Assert.Equal(1, summary.GetProperty("sent").GetInt32());
        Assert.Equal(1, summary.GetProperty("answered").GetInt32());
        Assert.Equal(5, summary.GetProperty("meanSatisfaction").GetDouble());
        Assert.Equal(4, summary.GetProperty("meanFeltUnderstood").GetDouble());
    }

    [Fact]
    public async Task A_second_answer_gets_the_already_answered_page_and_changes_nothing()
    {
        var (conversation, _) = await ResolvedConversationAsync(status: "closed");
        var path = await CreateSurveyAsync(conversation);
        using var customer = NewCustomer();
        Assert.Equal(HttpStatusCode.OK, (await customer.AnswerAsync(path, ("satisfaction", "2"), ("understood", "1"))).Status);

        var (replay, html) = await customer.AnswerAsync(path, ("satisfaction", "5"), ("understood", "5"), ("comment", "changed my mind"));
        Assert.Equal(HttpStatusCode.Conflict, replay);
        Assert.Contains("already answered", html, StringComparison.Ordinal);
        var (again, page) = await customer.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Contains("data-testid=\"survey-already\"", page, StringComparison.Ordinal);

        var answer = Assert.Single((await server.GetJsonAsync($"/api/v1/conversations/{conversation}/surveys")).EnumerateArray()).GetProperty("answer");
        Assert.Equal(2, answer.GetProperty("satisfaction").GetInt32());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("comment").ValueKind);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("commentReading").ValueKind);
    }

    [Fact]
    public async Task Concurrent_answers_store_exactly_one()
    {
        var (conversation, _) = await ResolvedConversationAsync();
        var path = await CreateSurveyAsync(conversation);
        var customers = Enumerable.Range(0, 6).Select(_ => NewCustomer()).ToArray();
        try
        {
            var results = await Task.WhenAll(customers.Select((c, i) => c.AnswerAsync(path, ("satisfaction", (i % 5 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("understood", "3"))));
            Assert.Equal(1, results.Count(r => r.Status == HttpStatusCode.OK));
            Assert.Equal(customers.Length - 1, results.Count(r => r.Status == HttpStatusCode.Conflict));
        }
        finally
        {
            foreach (var c in customers)
            {
                c.Dispose();
            }
        }

        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        Assert.Equal(1, await db.SurveyResponses.CountAsync(r => r.ConversationId == conversation));
    }

    [Fact]
    public async Task Tampered_and_unknown_tokens_get_a_clear_404_page()
    {
        var (conversation, _) = await ResolvedConversationAsync();
        var path = await CreateSurveyAsync(conversation);
        var last = path[^1];
        var tampered = path[..^1] + (last == 'A' ? 'B' : 'A');
        using var customer = NewCustomer();

        foreach (var bad in new[] { tampered, "/survey/not-a-token", "/survey/" + new string('x', 43), path + "x" })
        {
            var (status, html) = await customer.GetAsync(bad);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Contains("We could not find this survey", html, StringComparison.Ordinal);
            var (posted, postedHtml) = await customer.PostAsync(bad, [new("satisfaction", "5"), new("understood", "5")]);
            Assert.Equal(HttpStatusCode.NotFound, posted);
            Assert.Contains("data-testid=\"survey-unknown\"", postedHtml, StringComparison.Ordinal);
        }

        // The real token still works afterwards.
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync(path)).Status);
    }

    [Fact]
    public async Task An_expired_survey_gets_a_410_page_and_is_listed_as_expired()
    {
        var (conversation, _) = await ResolvedConversationAsync();
        var path = await CreateSurveyAsync(conversation);
        using var customer = NewCustomer();
        var (_, form) = await customer.GetAsync(path);
        var hidden = Hidden().Match(form);

        time.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync(path)).Status);
        time.Advance(TimeSpan.FromMinutes(1));

        var (status, html) = await customer.GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("This survey has expired", html, StringComparison.Ordinal);

        // The form was opened in time, but sent too late.
        var (posted, postedHtml) = await customer.PostAsync(path,
            [new(hidden.Groups["name"].Value, WebUtility.HtmlDecode(hidden.Groups["value"].Value)), new("satisfaction", "4"), new("understood", "4")]);
        Assert.Equal(HttpStatusCode.Gone, posted);
        Assert.Contains("data-testid=\"survey-expired\"", postedHtml, StringComparison.Ordinal);

        var survey = Assert.Single((await server.GetJsonAsync($"/api/v1/conversations/{conversation}/surveys")).EnumerateArray());
        Assert.Equal("expired", survey.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, survey.GetProperty("answer").ValueKind);
    }

    [Theory]
    [InlineData("0", "6")]
    [InlineData("", "")]
    [InlineData("five", "3.5")]
    [InlineData("-1", "55")]
    public async Task Ratings_outside_1_to_5_get_the_form_again_with_field_errors_and_the_typed_values(string satisfaction, string understood)
    {
        var (conversation, _) = await ResolvedConversationAsync();
        var path = await CreateSurveyAsync(conversation);
        using var customer = NewCustomer();

        var (status, html) = await customer.AnswerAsync(path, ("satisfaction", satisfaction), ("understood", understood), ("comment", "Kept <b>as typed</b>"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("data-testid=\"error-satisfaction\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"error-understood\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"error-comment\"", html, StringComparison.Ordinal);
        Assert.Contains(">Kept &lt;b&gt;as typed&lt;/b&gt;</textarea>", html, StringComparison.Ordinal);

        // Nothing stored: the survey can still be answered.
        Assert.Equal(HttpStatusCode.OK, (await customer.AnswerAsync(path, ("satisfaction", "3"), ("understood", "3"))).Status);
    }

    [Fact]
    public async Task An_oversized_comment_gets_a_field_error_with_the_ratings_kept_and_2000_characters_pass()
    {
        var (conversation, _) = await ResolvedConversationAsync();
        var path = await CreateSurveyAsync(conversation);
        using var customer = NewCustomer();

        var (status, html) = await customer.AnswerAsync(path, ("satisfaction", "4"), ("understood", "2"), ("comment", new string('a', 2001)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("data-testid=\"error-comment\"", html, StringComparison.Ordinal);
        Assert.Contains("2,001 characters", html, StringComparison.Ordinal);
        Assert.Matches("id=\"satisfaction-4\"[^>]*checked", html);
        Assert.Matches("id=\"understood-2\"[^>]*checked", html);
        Assert.DoesNotContain("data-testid=\"error-satisfaction\"", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await customer.AnswerAsync(path, ("satisfaction", "4"), ("understood", "2"), ("comment", new string('a', 2000)))).Status);
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_field_is_refused_with_the_form_and_stores_nothing()
    {
        var (conversation, _) = await ResolvedConversationAsync();
        var path = await CreateSurveyAsync(conversation);
        using var customer = NewCustomer();

        var (status, html) = await customer.PostAsync(path, [new("satisfaction", "5"), new("understood", "5")]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("send it again", html, StringComparison.Ordinal);
        Assert.Equal("open", Assert.Single((await server.GetJsonAsync($"/api/v1/conversations/{conversation}/surveys")).EnumerateArray()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Only_resolved_or_closed_conversations_get_a_survey()
    {
        var (open, _) = await ResolvedConversationAsync(status: "open");
        using var response = await server.Client.PostAsJsonAsync(new Uri($"/api/v1/conversations/{open}/survey", UriKind.Relative), new { });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _));

        using var unknown = await server.Client.PostAsJsonAsync(new Uri("/api/v1/conversations/987654/survey", UriKind.Relative), new { });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var unknownList = await server.Client.GetAsync(new Uri("/api/v1/conversations/987654/surveys", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknownList.StatusCode);
        using var unknownAgent = await server.Client.GetAsync(new Uri("/api/v1/agents/987654/surveys/summary", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknownAgent.StatusCode);

        // Creating one needs the write scope.
        using var reader = server.CreateClient(await server.CreateKeyAsync("reader", Rapport.Desk.ApiKeys.ApiKeyScope.Read));
        var (resolved, _) = await ResolvedConversationAsync();
        using var forbidden = await reader.PostAsJsonAsync(new Uri($"/api/v1/conversations/{resolved}/survey", UriKind.Relative), new { });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}

public sealed class SurveyTestsOnSqlite(FakeClockDeskFixture server) : SurveyTests(server, server.Time), IClassFixture<FakeClockDeskFixture>;

public sealed class SurveyTestsOnPostgreSql(FakeClockDeskPostgreSqlFixture server) : SurveyTests(server, server.Time), IClassFixture<FakeClockDeskPostgreSqlFixture>;
