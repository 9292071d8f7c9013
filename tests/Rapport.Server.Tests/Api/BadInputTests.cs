using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Rapport.Server.Tests.Api;

/// <summary>Every malformed request gets RFC 9457 problem details with a 4xx status, never a 500.</summary>
public abstract class BadInputTests(ServerFixture server)
{
    private async Task<(HttpStatusCode Status, JsonElement Problem)> SendAsync(HttpMethod method, string path, HttpContent? content, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.ExpectContinue = expectContinue;
        using var response = await server.Client.SendAsync(request);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("/api/v1/analyze", "{\"text\": \"unterminated")]
    [InlineData("/api/v1/analyze", "not json at all")]
    [InlineData("/api/v1/review", "{\"customer\": \"hi\", \"reply\": ")]
    [InlineData("/api/v1/customers", "[1, 2, 3]")]
    public async Task Malformed_json_is_a_400_problem(string path, string body)
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, path, Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.Object, problem.GetProperty("errors").ValueKind);
    }

    [Fact]
    public async Task Wrong_type_names_the_field()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/v1/analyze", Json("{\"text\": 42}"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _), problem.ToString());
    }

    [Fact]
    public async Task Missing_and_invalid_fields_are_all_listed()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/v1/conversations", Json("{\"channel\": \"pigeon\", \"subject\": \"  \"}"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("customerId", out _));
        Assert.True(errors.TryGetProperty("channel", out _));
        Assert.True(errors.TryGetProperty("subject", out _));
    }

    [Fact]
    public async Task Unknown_customer_for_a_new_conversation_is_a_field_error()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/v1/conversations", Json("{\"customerId\": 987654, \"channel\": \"email\", \"subject\": \"Hi\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("customerId", out _));
    }

    [Theory]
    [InlineData("/api/v1/conversations/987654")]
    [InlineData("/api/v1/customers/987654")]
    [InlineData("/api/v1/agents/987654")]
    [InlineData("/api/v1/teams/987654")]
    public async Task Unknown_id_is_a_404_problem(string path)
    {
        var (status, problem) = await SendAsync(HttpMethod.Get, path, null);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Message_to_an_unknown_conversation_is_a_404_problem()
    {
        var (status, _) = await SendAsync(HttpMethod.Post, "/api/v1/conversations/987654/messages", Json("{\"author\": \"customer\", \"body\": \"Hello\"}"));

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Empty_body_is_a_400_problem()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/v1/analyze", Json(""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task Empty_object_says_which_field_is_required()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/v1/review", Json("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("customer", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("reply", out _));
    }

    [Fact]
    public async Task Body_over_the_limit_is_a_413_problem()
    {
        var body = "{\"text\": \"" + new string('a', 1024 * 1024) + "\"}";

        // Expect: 100-continue, as large uploads send it: the 413 comes before the body is sent. Without it the server's
        // early answer and close can race the client still writing (a broken pipe), which made this test flaky.
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/v1/analyze", Json(body), expectContinue: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Wrong_content_type_is_a_415_problem()
    {
        var (status, _) = await SendAsync(HttpMethod.Post, "/api/v1/analyze", new StringContent("text=hello", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task Control_characters_are_refused_with_the_field()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/v1/analyze", Json("{\"text\": \"hello\\u0007world\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
    }

    [Theory]
    [InlineData("/api/v1/conversations?sort=loudest")]
    [InlineData("/api/v1/conversations?limit=0")]
    [InlineData("/api/v1/conversations?cursor=garbage")]
    [InlineData("/api/v1/conversations?status=7")]
    [InlineData("/api/v1/customers?pageSize=100000")]
    [InlineData("/api/v1/conversations?limit=abc")]
    [InlineData("/api/v1/conversations?minRisk=2")]
    [InlineData("/api/v1/conversations?assignee=1.5")]
    public async Task Bad_query_parameters_are_400_problems(string path)
    {
        var (status, problem) = await SendAsync(HttpMethod.Get, path, null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var field = path[(path.IndexOf('?', StringComparison.Ordinal) + 1)..path.IndexOf('=', StringComparison.Ordinal)];
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Dry_run_of_a_customer_message_is_refused()
    {
        var customer = await server.PostJsonAsync("/api/v1/customers", new { name = "Dry Run" }, 201);
        var created = await server.PostJsonAsync("/api/v1/conversations", new { customerId = customer.GetProperty("id").GetInt64(), channel = "chat", subject = "x" }, 201);
        var id = created.GetProperty("conversation").GetProperty("id").GetInt64();

        var (status, problem) = await SendAsync(HttpMethod.Post, $"/api/v1/conversations/{id}/messages?dryRun=true", Json("{\"author\": \"customer\", \"body\": \"Hello\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("dryRun", out _));
    }
}

public sealed class BadInputTestsOnSqlite(EmptyDeskFixture server) : BadInputTests(server), IClassFixture<EmptyDeskFixture>;

public sealed class BadInputTestsOnPostgreSql(EmptyDeskPostgreSqlFixture server) : BadInputTests(server), IClassFixture<EmptyDeskPostgreSqlFixture>;
