using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rapport.Server.Tests.Api;

/// <summary>409 for duplicates of something unique, 422 for well-formed requests the desk cannot apply (docs/architecture.md, "Errors").</summary>
public abstract class ConflictAndUnprocessableTests(ServerFixture server)
{
    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), text);
        return problem;
    }

    private async Task<long> ConversationAsync(string name)
    {
        var customer = await server.PostJsonAsync("/api/v1/customers", new { name }, 201);
        var created = await server.PostJsonAsync("/api/v1/conversations", new { customerId = customer.GetProperty("id").GetInt64(), channel = "email", subject = "Hello" }, 201);
        return created.GetProperty("conversation").GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Duplicate_team_name_is_a_409_problem()
    {
        await server.PostJsonAsync("/api/v1/teams", new { name = "Returns desk" }, 201);

        using var duplicate = await server.Client.PostAsJsonAsync(new Uri("/api/v1/teams", UriKind.Relative), new { name = "Returns desk" });

        await AssertProblemAsync(duplicate, HttpStatusCode.Conflict, "name");
    }

    [Fact]
    public async Task Duplicate_agent_email_on_update_is_a_409_problem()
    {
        await server.PostJsonAsync("/api/v1/agents", new { name = "First", email = "taken@example.com" }, 201);
        var second = await server.PostJsonAsync("/api/v1/agents", new { name = "Second", email = "free@example.com" }, 201);

        using var update = await server.Client.PutAsJsonAsync(
            new Uri($"/api/v1/agents/{second.GetProperty("id").GetInt64()}", UriKind.Relative), new { name = "Second", email = "taken@example.com" });

        await AssertProblemAsync(update, HttpStatusCode.Conflict, "email");
    }

    [Fact]
    public async Task Message_whose_external_id_is_already_stored_is_a_409_problem_and_nothing_is_added()
    {
        var id = await ConversationAsync("External Eve");
        var externalId = "mail-" + Guid.NewGuid().ToString("N");
        await server.PostJsonAsync($"/api/v1/conversations/{id}/messages", new { author = "customer", body = "First copy", externalId }, 201);

        using var again = await server.Client.PostAsJsonAsync(
            new Uri($"/api/v1/conversations/{id}/messages", UriKind.Relative), new { author = "customer", body = "Second copy", externalId });

        await AssertProblemAsync(again, HttpStatusCode.Conflict, "externalId");
        var detail = await server.GetJsonAsync($"/api/v1/conversations/{id}");
        Assert.Equal(1, detail.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task Reply_by_an_unknown_agent_is_a_422_problem()
    {
        var id = await ConversationAsync("Agentless Al");

        using var reply = await server.Client.PostAsJsonAsync(
            new Uri($"/api/v1/conversations/{id}/messages", UriKind.Relative), new { author = "agent", body = "Hello, happy to help.", agentId = 987654 });

        await AssertProblemAsync(reply, HttpStatusCode.UnprocessableEntity, "agentId");
    }

    [Fact]
    public async Task Changing_the_status_of_a_closed_conversation_is_a_422_problem_but_the_customer_can_reopen_it()
    {
        var id = await ConversationAsync("Closed Clara");
        using var close = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{id}/status", UriKind.Relative), new { status = "closed" });
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);

        using var reopen = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{id}/status", UriKind.Relative), new { status = "open" });
        await AssertProblemAsync(reopen, HttpStatusCode.UnprocessableEntity, "status");

        var posted = await server.PostJsonAsync($"/api/v1/conversations/{id}/messages", new { author = "customer", body = "Sorry, one more thing." }, 201);
        Assert.Equal("open", posted.GetProperty("conversation").GetProperty("status").GetString());
    }
}

public sealed class ConflictAndUnprocessableTestsOnSqlite(EmptyDeskFixture server) : ConflictAndUnprocessableTests(server), IClassFixture<EmptyDeskFixture>;

public sealed class ConflictAndUnprocessableTestsOnPostgreSql(EmptyDeskPostgreSqlFixture server) : ConflictAndUnprocessableTests(server), IClassFixture<EmptyDeskPostgreSqlFixture>;
