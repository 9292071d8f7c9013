using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rapport.Server.Tests.Api;

public abstract class AgentEndpointsTests(ServerFixture server)
{
    [Fact]
    public async Task Team_and_agent_can_be_created_read_updated_and_filter_the_inbox()
    {
        var team = await server.PostJsonAsync("/api/v1/teams", new { name = "Returns " + Guid.NewGuid().ToString("N")[..6] }, 201);
        var teamId = team.GetProperty("id").GetInt64();
        var agent = await server.PostJsonAsync("/api/v1/agents", new { name = "Kim Vo", email = $"kim.{teamId}@example.com", teamId, role = "lead" }, 201);
        var agentId = agent.GetProperty("id").GetInt64();
        Assert.Equal("lead", agent.GetProperty("role").GetString());

        using var rename = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/agents/{agentId}", UriKind.Relative),
            new { name = "Kim Vo-Tran", email = $"kim.{teamId}@example.com", teamId });
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        var detail = await server.GetJsonAsync($"/api/v1/teams/{teamId}");
        Assert.Equal("Kim Vo-Tran", detail.GetProperty("agents")[0].GetProperty("name").GetString());
        Assert.Equal("agent", detail.GetProperty("agents")[0].GetProperty("role").GetString());

        var customer = await server.PostJsonAsync("/api/v1/customers", new { name = "Team Filter" }, 201);
        var created = await server.PostJsonAsync("/api/v1/conversations",
            new { customerId = customer.GetProperty("id").GetInt64(), channel = "email", subject = "Return label", message = "Where is my return label? I'm worried the window closes tomorrow." }, 201);
        var conversationId = created.GetProperty("conversation").GetProperty("id").GetInt64();
        using var assign = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{conversationId}/assignee", UriKind.Relative), new { agentId });
        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);

        var inbox = await server.GetJsonAsync($"/api/v1/conversations?team={teamId}");
        Assert.Equal([conversationId], inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        var byAssignee = await server.GetJsonAsync($"/api/v1/conversations?assignee={agentId}");
        Assert.Equal(1, byAssignee.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Agent_with_unknown_team_is_a_422_and_duplicate_email_a_409_field_error()
    {
        using var unknownTeam = await server.Client.PostAsJsonAsync(new Uri("/api/v1/agents", UriKind.Relative), new { name = "A", email = "a@example.com", teamId = 987654 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownTeam.StatusCode);
        Assert.True((await unknownTeam.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("teamId", out _));

        await server.PostJsonAsync("/api/v1/agents", new { name = "B", email = "dup@example.com" }, 201);
        using var duplicate = await server.Client.PostAsJsonAsync(new Uri("/api/v1/agents", UriKind.Relative), new { name = "C", email = "dup@example.com" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.True((await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Min_risk_filter_keeps_only_risky_conversations()
    {
        var inbox = await server.GetJsonAsync("/api/v1/conversations?minRisk=0.6&limit=100");

        Assert.All(inbox.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("escalationRisk").GetDouble() >= 0.6));
    }
}

public sealed class AgentEndpointsTestsOnSqlite(EmptyDeskFixture server) : AgentEndpointsTests(server), IClassFixture<EmptyDeskFixture>;

public sealed class AgentEndpointsTestsOnPostgreSql(EmptyDeskPostgreSqlFixture server) : AgentEndpointsTests(server), IClassFixture<EmptyDeskPostgreSqlFixture>;
