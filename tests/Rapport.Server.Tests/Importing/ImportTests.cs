using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Desk.ApiKeys;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;

namespace Rapport.Server.Tests.Importing;

/// <summary><c>POST /api/v1/import</c> on both providers: formats, idempotence, rejected lines and problems.</summary>
public abstract class ImportTests(ServerFixture server)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(string body, string contentType, string? map = null, HttpClient? client = null, bool expectContinue = false)
    {
        var path = "/api/v1/import" + (map is null ? "" : "?map=" + Uri.EscapeDataString(map));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.ExpectContinue = expectContinue;
        using var response = await (client ?? server.Client).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string Line(string conversation, string customer, string author, string timestamp, string text, string channel = "email", string? externalId = null, string? email = null) =>
        JsonSerializer.Serialize(new { conversation, customer, customerEmail = email, author, timestamp, channel, text, externalId });

    private async Task<Conversation> StoredAsync(string key)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        return await db.Conversations.AsNoTracking().Include(c => c.Customer).SingleAsync(c => c.ExternalKey == key);
    }

    [Fact]
    public async Task Json_lines_import_creates_conversations_customers_readings_reviews_and_priority()
    {
        var a = $"{_run}-A";
        var b = $"{_run}-B";
        var body = string.Join('\n',
            Line(a, "Dana Reyes", "customer", "2026-03-01T09:00:00Z", "This is the third time I'm writing. My refund still has not arrived and I am furious!", email: $"dana-{_run}@example.com"),
            Line(a, "Dana Reyes", "agent", "2026-03-01T10:30:00+01:00", "I'm so sorry about the refund, Dana. I can see it stalled; I have pushed it through and you will have it tomorrow.", email: $"dana-{_run}@example.com"),
            Line(b, $"Sam {_run}", "customer", "2026-03-02T10:00:00Z", "I am confused: how do I change my password?", channel: "chat"),
            Line(b, $"Sam {_run}", "customer", "2026-03-02T10:05:00Z", "Hello? Anyone there?", channel: "chat"),
            "",
            Line(a, "Dana Reyes", "customer", "2026-03-01T10:00:00Z", "Thank you, that is a relief.", email: $"dana-{_run}@example.com")) + "\n";

        var (status, report) = await ImportAsync(body, "application/x-ndjson");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, report.GetProperty("lines").GetInt32());
        Assert.Equal(5, report.GetProperty("imported").GetInt32());
        Assert.Equal(0, report.GetProperty("duplicates").GetInt32());
        Assert.Empty(report.GetProperty("rejected").EnumerateArray());
        Assert.Equal(2, report.GetProperty("conversationsCreated").GetInt32());
        Assert.Equal(2, report.GetProperty("customersCreated").GetInt32());

        var first = await StoredAsync(a);
        Assert.Equal($"dana-{_run}@example.com", first.Customer!.Email);
        Assert.Equal(Channel.Email, first.Channel);
        Assert.StartsWith("This is the third time", first.Subject, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), first.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero), first.FirstResponseAt);
        Assert.Equal(ConversationStatus.Open, first.Status); // the customer wrote last
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), first.WaitingSince);
        Assert.True(first.Priority > 0);

        var detail = await server.GetJsonAsync($"/api/v1/conversations/{first.Id}");
        var messages = detail.GetProperty("messages");
        Assert.Equal(3, messages.GetArrayLength());
        Assert.Equal("customer", messages[0].GetProperty("author").GetString());
        Assert.Equal(Rapport.Core.Emotions.EmotionAnalyzer.Version, messages[0].GetProperty("reading").GetProperty("engineVersion").GetString());
        Assert.True(messages[0].GetProperty("reading").GetProperty("escalationRisk").GetDouble() > 0.3);
        Assert.Equal("agent", messages[1].GetProperty("author").GetString());
        Assert.Equal(16, messages[1].GetProperty("review").GetProperty("findings").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, messages[1].GetProperty("reading").ValueKind);

        var second = await StoredAsync(b);
        Assert.Equal(Channel.Chat, second.Channel);
        Assert.Null(second.FirstResponseAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), second.WaitingSince);
        Assert.NotEqual(first.CustomerId, second.CustomerId);
    }

    [Fact]
    public async Task Importing_the_same_lines_again_stores_nothing_new()
    {
        var key = $"{_run}-again";
        var body = string.Join('\n',
            Line(key, "Robin", "customer", "2026-04-01T08:00:00Z", "Where is my parcel?"),
            Line(key, "Robin", "agent", "2026-04-01T08:10:00Z", "Let me check that for you, Robin.", externalId: $"{_run}-reply-1"),
            Line(key, "Robin", "customer", "2026-04-01T08:20:00Z", "Thanks!"));

        var (_, first) = await ImportAsync(body, "application/jsonl");
        var (status, again) = await ImportAsync(body, "application/x-ndjson");

        Assert.Equal(3, first.GetProperty("imported").GetInt32());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, again.GetProperty("imported").GetInt32());
        Assert.Equal(3, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, again.GetProperty("conversationsCreated").GetInt32());
        Assert.Equal(0, again.GetProperty("customersCreated").GetInt32());
        var detail = await server.GetJsonAsync($"/api/v1/conversations/{(await StoredAsync(key)).Id}");
        Assert.Equal(3, detail.GetProperty("messages").GetArrayLength());
        Assert.Equal($"{_run}-reply-1", detail.GetProperty("messages")[1].GetProperty("externalId").GetString());
    }

    [Fact]
    public async Task A_later_import_continues_a_conversation_and_reviews_against_stored_messages()
    {
        var key = $"{_run}-later";
        await ImportAsync(Line(key, "Kim", "customer", "2026-05-01T08:00:00Z", "My invoice is wrong and I was charged twice."), "application/x-ndjson");

        var (_, report) = await ImportAsync(Line(key, "Kim", "agent", "2026-05-01T09:00:00Z", "I'm sorry you were charged twice for the invoice; I have refunded the second charge."), "application/x-ndjson");

        Assert.Equal(1, report.GetProperty("imported").GetInt32());
        Assert.Equal(0, report.GetProperty("conversationsCreated").GetInt32());
        var stored = await StoredAsync(key);
        Assert.Equal(ConversationStatus.Pending, stored.Status);
        Assert.Null(stored.WaitingSince);
        var detail = await server.GetJsonAsync($"/api/v1/conversations/{stored.Id}");
        Assert.Equal(2, detail.GetProperty("messages").GetArrayLength());
        Assert.True(detail.GetProperty("messages")[1].GetProperty("review").GetProperty("score").GetInt32() > 0);
    }

    [Fact]
    public async Task Csv_with_a_column_mapping_and_multi_line_quoted_fields_imports()
    {
        var key = $"{_run}-csv";
        const string Text = "Line one, with a comma\nline two with \"quotes\"";
        var csv =
            "id,ticket_id,requester,role,created_at,via,body,tags\r\n" +
            $"m1-{_run},{key},Alex Chen,customer,2026-06-01T12:00:00Z,web,\"Line one, with a comma\nline two with \"\"quotes\"\"\",billing;refund\r\n" +
            $"m2-{_run},{key},Alex Chen,agent,2026-06-01T12:30:00Z,web,Thanks Alex - I have fixed the invoice.,\r\n";

        var (status, report) = await ImportAsync(csv, "text/csv", "conversation=ticket_id,customer=requester,author=role,timestamp=created_at,channel=via,text=body,externalId=id,labels=tags");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        var stored = await StoredAsync(key);
        Assert.Equal(["billing", "refund"], stored.Labels);
        Assert.Equal(Channel.Web, stored.Channel);
        var detail = await server.GetJsonAsync($"/api/v1/conversations/{stored.Id}");
        Assert.Equal(Text, detail.GetProperty("messages")[0].GetProperty("body").GetString());
        Assert.Equal($"m1-{_run}", detail.GetProperty("messages")[0].GetProperty("externalId").GetString());
    }

    [Fact]
    public async Task Invalid_lines_are_rejected_with_line_numbers_and_reasons_while_good_lines_import()
    {
        var key = $"{_run}-mixed";
        var body = string.Join('\n',
            Line(key, "Lee", "customer", "2026-07-01T08:00:00Z", "Good line one."),
            Line(key, "Lee", "robot", "2026-07-01T08:01:00Z", "Bad author."),
            Line(key, "Lee", "customer", "yesterday", "Bad timestamp."),
            Line(key, "Lee", "customer", "2026-07-01T08:03:00Z", "   "),
            Line("", "Lee", "customer", "2026-07-01T08:04:00Z", "No key."),
            "{\"conversation\": \"x\", \"text\": ",
            Line(key, "Lee", "customer", "2026-07-01T08:05:00Z", "Bell \u0007 here."),
            Line(key, "Lee", "customer", "2026-07-01T08:06:00Z", "Pigeon post.", channel: "pigeon"),
            Line(key, "Lee", "customer", "2026-07-01T08:07:00Z", new string('a', 40_000)),
            Line(key, "Lee", "customer", "2026-07-01T08:08:00Z", "Good line two."));

        var (status, report) = await ImportAsync(body, "application/x-ndjson");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(10, report.GetProperty("lines").GetInt32());
        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        var rejected = report.GetProperty("rejected").EnumerateArray()
            .ToDictionary(r => r.GetProperty("line").GetInt32(), r => r.GetProperty("reason").GetString()!);
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9], rejected.Keys.Order());
        Assert.Contains("author", rejected[2], StringComparison.Ordinal);
        Assert.Contains("timestamp", rejected[3], StringComparison.Ordinal);
        Assert.Contains("'text' is empty", rejected[4], StringComparison.Ordinal);
        Assert.Contains("'conversation'", rejected[5], StringComparison.Ordinal);
        Assert.Contains("JSON", rejected[6], StringComparison.Ordinal);
        Assert.Contains("control character", rejected[7], StringComparison.Ordinal);
        Assert.Contains("channel", rejected[8], StringComparison.Ordinal);
        Assert.Contains("limit is 32768", rejected[9], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_and_script_are_stored_and_returned_unchanged()
    {
        var key = $"{_run}-html";
        const string Body = "<script>alert('x')</script> my order & \"invoice\" are <b>missing</b>";

        await ImportAsync(Line(key, "<b>Bold</b> Robin", "customer", "2026-08-01T08:00:00Z", Body), "application/x-ndjson");

        var stored = await StoredAsync(key);
        Assert.Equal("<b>Bold</b> Robin", stored.Customer!.Name);
        var detail = await server.GetJsonAsync($"/api/v1/conversations/{stored.Id}");
        Assert.Equal(Body, detail.GetProperty("messages")[0].GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_body_over_the_api_default_but_under_the_import_limit_is_accepted()
    {
        var key = $"{_run}-big";
        var padding = new string('x', 400);
        var body = string.Join('\n', Enumerable.Range(0, 1500).Select(i =>
            Line($"{key}-{i % 50}", $"Customer {i % 50}", i % 3 == 2 ? "agent" : "customer", $"2026-09-01T08:{i / 60 % 60:00}:{i % 60:00}Z", $"Message {i}: {padding}")));
        Assert.True(Encoding.UTF8.GetByteCount(body) > 256 * 1024);

        var (status, report) = await ImportAsync(body, "application/x-ndjson");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1500, report.GetProperty("imported").GetInt32());
        Assert.Equal(50, report.GetProperty("conversationsCreated").GetInt32());
    }

    [Fact]
    public async Task Wrong_content_type_is_a_415_problem()
    {
        var (status, problem) = await ImportAsync("{}", "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal(415, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("text/csv", "conversation=ticket,pigeon=x", "map")]
    [InlineData("text/csv", "text", "map")]
    [InlineData("text/csv", "conversation=nope", "map")]
    [InlineData("application/x-ndjson", "text=body", "map")]
    public async Task Bad_mapping_is_a_400_problem_naming_map(string contentType, string map, string field)
    {
        var (status, problem) = await ImportAsync("conversation,customer,author,timestamp,channel,text\n", contentType, map);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Csv_without_required_columns_is_a_400_problem()
    {
        var (status, problem) = await ImportAsync("ticket,body\n1,hello\n", "text/csv");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("conversation", problem.GetProperty("errors").GetProperty("map")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_body_and_invalid_utf8_are_400_problems()
    {
        var (empty, _) = await ImportAsync("", "application/x-ndjson");
        using var content = new ByteArrayContent([.. Encoding.UTF8.GetBytes(Line("k", "n", "customer", "2026-01-01T00:00:00Z", "ok") + "\n"), 0xC3, 0x28, (byte)'\n']);
        content.Headers.ContentType = new("application/x-ndjson");
        using var invalid = await server.Client.PostAsync(new Uri("/api/v1/import", UriKind.Relative), content);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, empty);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("line 2", problem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_over_the_import_limit_is_a_413_problem()
    {
        var body = new string('a', 33 * 1024 * 1024);

        var (status, problem) = await ImportAsync(body, "application/x-ndjson", expectContinue: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Import_needs_a_key_with_write_scope()
    {
        var line = Line($"{_run}-auth", "Noor", "customer", "2026-01-01T00:00:00Z", "Hi");
        using var anonymous = server.CreateClient(null);
        using var reader = server.CreateClient(await server.CreateKeyAsync("Reader", ApiKeyScope.Read));

        var (unauthorized, _) = await ImportAsync(line, "application/x-ndjson", client: anonymous);
        var (forbidden, _) = await ImportAsync(line, "application/x-ndjson", client: reader);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
    }
}

public sealed class ImportTestsOnSqlite(EmptyDeskFixture server) : ImportTests(server), IClassFixture<EmptyDeskFixture>;

public sealed class ImportTestsOnPostgreSql(EmptyDeskPostgreSqlFixture server) : ImportTests(server), IClassFixture<EmptyDeskPostgreSqlFixture>;
