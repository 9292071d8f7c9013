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
    public async Task Unknown_customer_for_a_new_conversation_is_a_422_field_error()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/v1/conversations", Json("{\"customerId\": 987654, \"channel\": \"email\", \"subject\": \"Hi\"}"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
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

    [Theory]
    [InlineData("/api/v1/analyze", "text")]
    [InlineData("/api/v1/customers", "name")]
    public async Task Invalid_utf8_is_a_400_problem_that_says_so(string path, string field)
    {
        // "\xC3\x28" is an invalid two-byte sequence, "\xFF" never occurs in UTF-8.
        byte[] body = [.. Encoding.ASCII.GetBytes("{\"" + field + "\": \"caf"), 0xC3, 0x28, 0xFF, .. Encoding.ASCII.GetBytes("\"}")];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var (status, problem) = await SendAsync(HttpMethod.Post, path, content);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("UTF-8", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("name", "\\u001b[31mred")]
    [InlineData("notes", "line\\u0000break")]
    [InlineData("email", "a\\u0008b@example.com")]
    public async Task Control_characters_in_customer_fields_are_refused_with_the_field(string field, string value)
    {
        var json = field == "name" ? $"{{\"name\": \"{value}\"}}" : $"{{\"name\": \"Ok\", \"{field}\": \"{value}\"}}";

        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/v1/customers", Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Control_characters_in_subject_message_note_and_labels_are_refused_with_the_field()
    {
        var customer = await server.PostJsonAsync("/api/v1/customers", new { name = "Control Chars" }, 201);
        var customerId = customer.GetProperty("id").GetInt64();

        var (subjectStatus, subjectProblem) = await SendAsync(HttpMethod.Post, "/api/v1/conversations",
            Json($"{{\"customerId\": {customerId}, \"channel\": \"chat\", \"subject\": \"bell\\u0007\", \"labels\": [\"ok\", \"tab\\u0001\"]}}"));
        Assert.Equal(HttpStatusCode.BadRequest, subjectStatus);
        Assert.True(subjectProblem.GetProperty("errors").TryGetProperty("subject", out _), subjectProblem.ToString());
        Assert.True(subjectProblem.GetProperty("errors").TryGetProperty("labels[1]", out _), subjectProblem.ToString());

        var created = await server.PostJsonAsync("/api/v1/conversations", new { customerId, channel = "chat", subject = "Fine" }, 201);
        var id = created.GetProperty("conversation").GetProperty("id").GetInt64();
        var (messageStatus, messageProblem) = await SendAsync(HttpMethod.Post, $"/api/v1/conversations/{id}/messages", Json("{\"author\": \"customer\", \"body\": \"esc\\u001b\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, messageStatus);
        Assert.True(messageProblem.GetProperty("errors").TryGetProperty("body", out _));

        var (noteStatus, noteProblem) = await SendAsync(HttpMethod.Post, $"/api/v1/conversations/{id}/notes", Json("{\"body\": \"nul\\u0000\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, noteStatus);
        Assert.True(noteProblem.GetProperty("errors").TryGetProperty("body", out _));

        // Tabs and line breaks are text.
        await server.PostJsonAsync($"/api/v1/conversations/{id}/notes", new { body = "line one\n\tline two\r\n" }, 201);
    }
}

public sealed class BadInputTestsOnSqlite(EmptyDeskFixture server) : BadInputTests(server), IClassFixture<EmptyDeskFixture>;

public sealed class BadInputTestsOnPostgreSql(EmptyDeskPostgreSqlFixture server) : BadInputTests(server), IClassFixture<EmptyDeskPostgreSqlFixture>;
