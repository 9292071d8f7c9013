using System.Text.Json;

namespace Rapport.Server.Tests.Assistant;

/// <summary>The customer side of a chat with the assistant, through the API, for the assistant's tests.</summary>
internal sealed class AssistantDesk(ServerFixture server)
{
    public async Task<long> CustomerAsync(string name) =>
        (await server.PostJsonAsync("/api/v1/customers", new { name }, 201)).GetProperty("id").GetInt64();

    /// <summary>Opens a conversation with the customer's first message; returns the conversation detail.</summary>
    public async Task<JsonElement> StartAsync(string message, string channel = "chat", string subject = "Help", string name = "Maria Lopez") =>
        await server.PostJsonAsync("/api/v1/conversations", new { customerId = await CustomerAsync(name), channel, subject, message }, 201);

    /// <summary>The customer writes again; returns the posted-message response (with the assistant's reply, if any).</summary>
    public async Task<JsonElement> SayAsync(long conversationId, string body) =>
        await server.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { author = "customer", body }, 201);

    public async Task<JsonElement> DetailAsync(long conversationId) => await server.GetJsonAsync($"/api/v1/conversations/{conversationId}");

    public static long Id(JsonElement detail) => detail.GetProperty("conversation").GetProperty("id").GetInt64();

    /// <summary>The assistant's messages in a conversation detail.</summary>
    public static List<JsonElement> AssistantMessages(JsonElement detail) =>
        [.. detail.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("author").GetString() == "assistant")];

    public static JsonElement Answer(JsonElement message) => message.GetProperty("assistant");

    public static List<string?> Reasons(JsonElement handOff) => [.. handOff.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())];
}
