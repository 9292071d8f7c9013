using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rapport.Server.Tests.Api;

public abstract class ConversationFlowTests(ServerFixture server)
{
    private async Task<long> CreateCustomerAsync(string name, params string[] tags)
    {
        var customer = await server.PostJsonAsync("/api/v1/customers", new { name, email = "someone@example.com", tags }, 201);
        return customer.GetProperty("id").GetInt64();
    }

    private async Task<long> CreateConversationAsync(long customerId, string channel, string subject)
    {
        var created = await server.PostJsonAsync("/api/v1/conversations", new { customerId, channel, subject }, 201);
        return created.GetProperty("conversation").GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Customer_message_is_stored_with_its_reading_and_sets_priority_then_agent_reply_is_reviewed()
    {
        var customerId = await CreateCustomerAsync("Dana Reyes", "vip");
        var conversationId = await CreateConversationAsync(customerId, "email", "Broken kettle");

        var posted = await server.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages", new
        {
            author = "customer",
            body = "This is the third time I'm writing and still nothing works. I want a refund NOW!",
        }, 201);

        var reading = posted.GetProperty("message").GetProperty("reading");
        Assert.Equal(Rapport.Core.Emotions.EmotionAnalyzer.Version, reading.GetProperty("engineVersion").GetString());
        Assert.NotEmpty(reading.GetProperty("labels").EnumerateArray());
        Assert.True(reading.GetProperty("escalationRisk").GetDouble() > 0.5);
        Assert.NotEmpty(reading.GetProperty("evidence").EnumerateArray());
        var conversation = posted.GetProperty("conversation");
        Assert.True(conversation.GetProperty("priority").GetDouble() > 0);
        Assert.Contains("VIP", conversation.GetProperty("priorityReason").GetString(), StringComparison.Ordinal);

        // A dry run reviews the reply without storing it.
        var reply = new { author = "agent", body = "Try again later." };
        var dryRun = await server.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages?dryRun=true", reply);
        Assert.Equal(16, dryRun.GetProperty("findings").GetArrayLength());
        var afterDryRun = await server.GetJsonAsync($"/api/v1/conversations/{conversationId}");
        Assert.Equal(1, afterDryRun.GetProperty("messages").GetArrayLength());

        // Stored, the reply carries its review and the conversation moves to pending.
        var stored = await server.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages", reply, 201);
        Assert.Equal(dryRun.GetProperty("score").GetInt32(), stored.GetProperty("review").GetProperty("score").GetInt32());
        Assert.Equal("pending", stored.GetProperty("conversation").GetProperty("status").GetString());

        var detail = await server.GetJsonAsync($"/api/v1/conversations/{conversationId}");
        var messages = detail.GetProperty("messages");
        Assert.Equal(2, messages.GetArrayLength());
        Assert.Equal("customer", messages[0].GetProperty("author").GetString());
        Assert.Equal(JsonValueKind.Null, messages[0].GetProperty("review").ValueKind);
        Assert.Equal("agent", messages[1].GetProperty("author").GetString());
        Assert.Equal(16, messages[1].GetProperty("review").GetProperty("findings").GetArrayLength());
        Assert.Equal("Dana Reyes", detail.GetProperty("customer").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Inbox_sorted_by_priority_puts_the_angriest_customer_first()
    {
        var calm = await CreateCustomerAsync("Calm Carl");
        var angry = await CreateCustomerAsync("Angry Anna");
        var calmConversation = await CreateConversationAsync(calm, "web", "Opening hours");
        var angryConversation = await CreateConversationAsync(angry, "social", "Charged twice");
        await server.PostJsonAsync($"/api/v1/conversations/{calmConversation}/messages", new { author = "customer", body = "Hi, what are your opening hours on Sunday? Thanks!" }, 201);
        await server.PostJsonAsync($"/api/v1/conversations/{angryConversation}/messages", new { author = "customer", body = "You charged my card TWICE!!! This is outrageous, fix it today or I'm cancelling and reporting you." }, 201);

        var inbox = await server.GetJsonAsync("/api/v1/conversations?sort=priority&status=open&limit=100");

        var ids = inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.True(ids.IndexOf(angryConversation) < ids.IndexOf(calmConversation));
        var priorities = inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("priority").GetDouble()).ToList();
        Assert.Equal(priorities.OrderByDescending(p => p), priorities);
    }

    [Fact]
    public async Task Inbox_cursor_pages_through_every_conversation_once()
    {
        var customer = await CreateCustomerAsync("Paging Pat");
        for (var i = 0; i < 5; i++)
        {
            await CreateConversationAsync(customer, "chat", $"Question {i}");
        }

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await server.GetJsonAsync("/api/v1/conversations?sort=newest&limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.True(seen.Count >= 5);
        Assert.Equal(seen.OrderByDescending(id => id), seen);
    }

    [Fact]
    public async Task Waiting_longest_cursor_pages_through_every_waiting_conversation_once()
    {
        // PostgreSQL keeps microseconds: a cursor cut to milliseconds would repeat or skip conversations there.
        var customer = await CreateCustomerAsync("Waiting Wren");
        for (var i = 0; i < 4; i++)
        {
            var id = await CreateConversationAsync(customer, "web", $"Still waiting {i}");
            await server.PostJsonAsync($"/api/v1/conversations/{id}/messages", new { author = "customer", body = "Any news on my order?" }, 201);
        }

        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await server.GetJsonAsync("/api/v1/conversations?sort=waiting&limit=1" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && seen.Count < 500);

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.True(seen.Count >= 4, $"{seen.Count} waiting conversations");
    }

    [Fact]
    public async Task Customer_can_be_listed_read_and_updated()
    {
        var id = await CreateCustomerAsync("Lee Park");

        using var update = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/customers/{id}", UriKind.Relative),
            new { name = "Lee Park", email = "lee@example.com", preferredLanguage = "en", tags = new[] { "VIP" }, notes = "Prefers e-mail" });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        var customer = await server.GetJsonAsync($"/api/v1/customers/{id}");
        Assert.Equal("lee@example.com", customer.GetProperty("email").GetString());
        Assert.Equal(["vip"], customer.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        var list = await server.GetJsonAsync("/api/v1/customers?page=1&pageSize=200");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task Conversation_status_and_assignee_can_be_changed()
    {
        var customer = await CreateCustomerAsync("Sky Ito");
        var conversation = await CreateConversationAsync(customer, "phone", "Callback");

        using var status = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{conversation}/status", UriKind.Relative), new { status = "resolved" });
        var summary = await status.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("resolved", summary.GetProperty("status").GetString());
        Assert.Equal(0, summary.GetProperty("priority").GetDouble());
        Assert.Equal(JsonValueKind.String, summary.GetProperty("resolvedAt").ValueKind);

        using var unassign = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{conversation}/assignee", UriKind.Relative), new { agentId = (long?)null });
        Assert.Equal(HttpStatusCode.OK, unassign.StatusCode);

        using var unknownAgent = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{conversation}/assignee", UriKind.Relative), new { agentId = 987654 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownAgent.StatusCode);
    }

    [Fact]
    public async Task Html_in_a_message_is_stored_and_returned_unchanged()
    {
        var customer = await CreateCustomerAsync("Robin <b>Bold</b>");
        var conversation = await CreateConversationAsync(customer, "web", "<script>alert(1)</script>");
        const string Body = "<script>alert('x')</script> my order & \"invoice\" are missing";

        var posted = await server.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { author = "customer", body = Body }, 201);

        Assert.Equal(Body, posted.GetProperty("message").GetProperty("body").GetString());
        Assert.Equal("<script>alert(1)</script>", posted.GetProperty("conversation").GetProperty("subject").GetString());
    }
}

public sealed class ConversationFlowTestsOnSqlite(EmptyDeskFixture server) : ConversationFlowTests(server), IClassFixture<EmptyDeskFixture>;

public sealed class ConversationFlowTestsOnPostgreSql(EmptyDeskPostgreSqlFixture server) : ConversationFlowTests(server), IClassFixture<EmptyDeskPostgreSqlFixture>;
