using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rapport.Server.Tests.Promises;

/// <summary>Small API helpers shared by the promise and follow-up scenarios.</summary>
internal static class LoopDesk
{
    public static async Task<(long Team, long Agent)> TeamWithAgentAsync(Sla.FakeClockDeskFixture server)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var team = (await server.PostJsonAsync("/api/v1/teams", new { name = "Loop team " + suffix }, 201)).GetProperty("id").GetInt64();
        var agent = (await server.PostJsonAsync("/api/v1/agents", new { name = "Agent " + suffix, email = $"agent.{suffix}@example.com", teamId = team }, 201)).GetProperty("id").GetInt64();
        return (team, agent);
    }

    public static async Task<long> StartAsync(Sla.FakeClockDeskFixture server, string message, long agent)
    {
        var customer = (await server.PostJsonAsync("/api/v1/customers", new { name = "Dana Loop" }, 201)).GetProperty("id").GetInt64();
        var id = (await server.PostJsonAsync("/api/v1/conversations", new { customerId = customer, channel = "email", subject = "Broken kettle", message }, 201))
            .GetProperty("conversation").GetProperty("id").GetInt64();
        using var assign = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{id}/assignee", UriKind.Relative), new { agentId = agent });
        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        return id;
    }

    public static Task<JsonElement> ReplyAsync(Sla.FakeClockDeskFixture server, long id, long agent, string body) =>
        server.PostJsonAsync($"/api/v1/conversations/{id}/messages", new { author = "agent", agentId = agent, body }, 201);

    public static Task<JsonElement> CustomerWritesAsync(Sla.FakeClockDeskFixture server, long id, string body) =>
        server.PostJsonAsync($"/api/v1/conversations/{id}/messages", new { author = "customer", body }, 201);

    public static async Task SetStatusAsync(Sla.FakeClockDeskFixture server, long id, string status)
    {
        using var put = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{id}/status", UriKind.Relative), new { status });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    public static async Task<JsonElement> ConversationAsync(Sla.FakeClockDeskFixture server, long id) =>
        await server.GetJsonAsync($"/api/v1/conversations/{id}");

    public static async Task<List<string>> AssistantMessagesAsync(Sla.FakeClockDeskFixture server, long id) =>
        [.. (await ConversationAsync(server, id)).GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("author").GetString() == "assistant").Select(m => m.GetProperty("body").GetString()!)];
}
