using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Desk.Data;

namespace Rapport.Server.Tests.Widget;

/// <summary>The website chat widget's endpoints end to end: start, token, socket, history, live replies and the safety rules.</summary>
public abstract class WidgetTests(WidgetDeskFixtureBase server)
{
    private async Task<string> StartAsync(object? body = null, string? origin = null)
    {
        using var client = server.CreateClient(null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/widget/conversations") { Content = JsonContent.Create(body ?? new { }) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {text}");
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var json = JsonDocument.Parse(text).RootElement;
        Assert.Equal("/widget/socket", json.GetProperty("socket").GetString());
        Assert.Equal(2000, json.GetProperty("maxLength").GetInt32());
        return json.GetProperty("token").GetString()!;
    }

    private async Task<WidgetClient> OpenAsync(string token)
    {
        var client = await WidgetClient.ConnectAsync(server.BaseAddress);
        var history = await client.HelloAsync(token);
        Assert.Equal("history", history.GetProperty("type").GetString());
        return client;
    }

    private async Task<long> ConversationOfAsync(string token)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(token));
        return await db.WidgetSessions.Where(s => s.TokenHash == hash).Select(s => s.ConversationId).SingleAsync();
    }

    [Fact]
    public async Task A_started_chat_gets_a_hashed_token_its_history_and_the_assistants_and_agents_replies_live()
    {
        var token = await StartAsync(new { name = "Ada Byron", email = "ada@example.com" });
        Assert.Equal(43, token.Length);

        // Only the hash is stored; the conversation is an open chat of a new customer.
        long conversationId;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
            var session = await db.WidgetSessions.AsNoTracking().SingleAsync(s => s.TokenHash == SHA256.HashData(Encoding.ASCII.GetBytes(token)));
            Assert.Equal(32, session.TokenHash.Length);
            conversationId = session.ConversationId;
            var conversation = await db.Conversations.AsNoTracking().Include(c => c.Customer).SingleAsync(c => c.Id == conversationId);
            Assert.Equal(Rapport.Desk.Conversations.Channel.Chat, conversation.Channel);
            Assert.Equal("Ada Byron", conversation.Customer!.Name);
            Assert.Equal("ada@example.com", conversation.Customer.Email);
        }

        var agent = (await server.PostJsonAsync("/api/v1/agents", new { name = "Sam Rivera", email = $"sam-{Guid.NewGuid():N}@example.com" }, 201)).GetProperty("id").GetInt64();
        await using (var visitor = await WidgetClient.ConnectAsync(server.BaseAddress))
        {
            var history = await visitor.HelloAsync(token);
            Assert.Equal("history", history.GetProperty("type").GetString());
            Assert.Empty(history.GetProperty("messages").EnumerateArray());

            await visitor.SendAsync(new { type = "message", text = "How do I return a towel?", clientId = "c1" });
            var ack = await visitor.ReceiveUntilAsync("ack");
            Assert.Equal("c1", ack.GetProperty("clientId").GetString());
            Assert.Equal("How do I return a towel?", ack.GetProperty("message").GetProperty("text").GetString());
            Assert.Equal("customer", ack.GetProperty("message").GetProperty("author").GetString());

            var assistant = (await visitor.NextReplyAsync()).GetProperty("message");
            Assert.Equal("assistant", assistant.GetProperty("author").GetString());
            Assert.Equal(ScriptedAssistant.Reply, assistant.GetProperty("text").GetString());
            Assert.False(assistant.TryGetProperty("name", out _));

            // An internal note never reaches the visitor: the next reply pushed is the agent's, shown by first name.
            await server.PostJsonAsync($"/api/v1/conversations/{conversationId}/notes", new { body = "Internal: customer sounded unsure.", agentId = agent }, 201);
            await server.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { author = "agent", body = "Hi Ada, I'm Sam. I've booked a free collection for you.", agentId = agent }, 201);
            var reply = (await visitor.NextReplyAsync()).GetProperty("message");
            Assert.Equal("agent", reply.GetProperty("author").GetString());
            Assert.Equal("Sam", reply.GetProperty("name").GetString());
            Assert.Equal("Hi Ada, I'm Sam. I've booked a free collection for you.", reply.GetProperty("text").GetString());
        }

        // A reload: a new socket with the same token gets the whole history, oldest first, without the note.
        await using var reloaded = await WidgetClient.ConnectAsync(server.BaseAddress);
        var again = await reloaded.HelloAsync(token);
        var messages = again.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["customer", "assistant", "agent"], messages.Select(m => m.GetProperty("author").GetString()));
        Assert.DoesNotContain(messages, m => m.GetProperty("text").GetString()!.Contains("Internal", StringComparison.Ordinal));

        // A reconnect that already shows everything gets nothing twice.
        await using var resumed = await WidgetClient.ConnectAsync(server.BaseAddress);
        var nothingNew = await resumed.HelloAsync(token, after: messages[^1].GetProperty("id").GetInt64());
        Assert.Empty(nothingNew.GetProperty("messages").EnumerateArray());
    }

    [Fact]
    public async Task A_token_opens_only_its_own_conversation_and_a_tampered_or_unknown_token_is_refused()
    {
        var mine = await StartAsync();
        var theirs = await StartAsync();
        await using (var other = await OpenAsync(theirs))
        {
            await other.SendAsync(new { type = "message", text = "Their private question", clientId = "t1" });
            await other.ReceiveUntilAsync("ack");
        }

        await using (var visitor = await WidgetClient.ConnectAsync(server.BaseAddress))
        {
            Assert.Empty((await visitor.HelloAsync(mine)).GetProperty("messages").EnumerateArray());
        }

        var tampered = (mine[0] == 'A' ? 'B' : 'A') + mine[1..];
        foreach (var token in new[] { tampered, "not-a-token", mine + "x", "" })
        {
            await using var visitor = await WidgetClient.ConnectAsync(server.BaseAddress);
            var refusal = await visitor.HelloAsync(token);
            Assert.Equal("error", refusal.GetProperty("type").GetString());
            Assert.Equal("unknown_token", refusal.GetProperty("code").GetString());
            Assert.Contains("not valid", refusal.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Null, (await visitor.ReceiveAsync()).ValueKind);
            Assert.Equal(WebSocketCloseStatus.PolicyViolation, visitor.CloseStatus);
        }

        // A message before hello is refused too.
        await using var rude = await WidgetClient.ConnectAsync(server.BaseAddress);
        await rude.SendAsync(new { type = "message", text = "hi" });
        Assert.Equal("bad_frame", (await rude.ReceiveAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_token_expires_after_its_lifetime()
    {
        var token = await StartAsync();
        await using (var fresh = await OpenAsync(token))
        {
        }

        server.Time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        await using var visitor = await WidgetClient.ConnectAsync(server.BaseAddress);
        var refusal = await visitor.HelloAsync(token);
        Assert.Equal("expired_token", refusal.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Pages_from_a_foreign_origin_are_refused_on_the_socket_on_start_and_in_the_CORS_preflight()
    {
        Assert.Equal(403, await WidgetClient.RefusedStatusAsync(server.BaseAddress, "https://evil.example"));
        Assert.Equal(403, await WidgetClient.RefusedStatusAsync(server.BaseAddress, "null"));
        await using (var allowed = await WidgetClient.ConnectAsync(server.BaseAddress, WidgetDeskFixtureBase.AllowedOrigin))
        {
            Assert.Equal("unknown_token", (await allowed.HelloAsync("x")).GetProperty("code").GetString());
        }

        await using (var sameOrigin = await WidgetClient.ConnectAsync(server.BaseAddress, server.BaseAddress.GetLeftPart(UriPartial.Authority)))
        {
            Assert.Equal("unknown_token", (await sameOrigin.HelloAsync("x")).GetProperty("code").GetString());
        }

        using var client = server.CreateClient(null);
        using (var start = new HttpRequestMessage(HttpMethod.Post, "/widget/conversations") { Content = JsonContent.Create(new { }) })
        {
            start.Headers.Add("Origin", "https://evil.example");
            using var refused = await client.SendAsync(start);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Rapport:Widget:AllowedOrigins", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.NotEmpty(await StartAsync(origin: WidgetDeskFixtureBase.AllowedOrigin));

        foreach (var (origin, allowed) in new[] { ("https://evil.example", false), ("https://shop.example.evil.example", false), (WidgetDeskFixtureBase.AllowedOrigin, true) })
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/widget/conversations");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
            using var response = await client.SendAsync(preflight);
            Assert.True(response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.OK, $"{origin}: {(int)response.StatusCode}");
            var header = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
            Assert.Equal(allowed ? origin : null, header);
        }
    }

    [Fact]
    public async Task A_conversation_that_sends_too_fast_gets_a_rate_limit_frame_and_its_messages_are_not_stored()
    {
        var token = await StartAsync();
        await using var visitor = await OpenAsync(token);
        for (var i = 1; i <= WidgetDeskFixtureBase.MessagesPerConversation; i++)
        {
            await visitor.SendAsync(new { type = "message", text = $"Message {i}", clientId = $"m{i}" });
            await visitor.ReceiveUntilAsync("ack");
        }

        await visitor.SendAsync(new { type = "message", text = "One too many", clientId = "m4" });
        var refusal = await visitor.ReceiveUntilAsync("error");
        Assert.Equal("rate_limited", refusal.GetProperty("code").GetString());
        Assert.Equal("m4", refusal.GetProperty("clientId").GetString());
        Assert.True(refusal.GetProperty("retryAfter").GetInt32() >= 1);

        var conversation = await server.GetJsonAsync($"/api/v1/conversations/{await ConversationOfAsync(token)}");
        Assert.DoesNotContain(conversation.GetProperty("messages").EnumerateArray(), m => m.GetProperty("body").GetString() == "One too many");
    }

    [Fact]
    public async Task An_oversize_message_gets_a_clear_error_and_an_oversize_frame_closes_the_socket()
    {
        var token = await StartAsync();
        await using var visitor = await OpenAsync(token);
        await visitor.SendAsync(new { type = "message", text = new string('a', 2001), clientId = "long" });
        var refusal = await visitor.ReceiveUntilAsync("error");
        Assert.Equal("too_long", refusal.GetProperty("code").GetString());
        Assert.Equal("long", refusal.GetProperty("clientId").GetString());
        Assert.Equal("Messages can be up to 2,000 characters; this one has 2,001. Please shorten it or send it in parts.", refusal.GetProperty("message").GetString());

        await visitor.SendAsync(new { type = "message", text = new string('a', 2000), clientId = "max" });
        Assert.Equal(2000, (await visitor.ReceiveUntilAsync("ack")).GetProperty("message").GetProperty("text").GetString()!.Length);

        await visitor.SendAsync(new { type = "message", text = "   " });
        Assert.Equal("empty", (await visitor.ReceiveUntilAsync("error")).GetProperty("code").GetString());
        await visitor.SendRawAsync("{not json");
        Assert.Equal("bad_frame", (await visitor.ReceiveUntilAsync("error")).GetProperty("code").GetString());

        await visitor.SendRawAsync("{\"type\":\"message\",\"text\":\"" + new string('b', 20_000) + "\"}");
        Assert.Equal("frame_too_large", (await visitor.ReceiveUntilAsync("error")).GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, (await visitor.ReceiveAsync()).ValueKind);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, visitor.CloseStatus);
    }

    [Fact]
    public async Task Html_in_a_message_is_stored_and_sent_back_as_text()
    {
        const string html = "<b>bold</b><script>alert('x')</script><img src=x onerror=alert(1)> & \"quoted\"";
        var token = await StartAsync(new { name = "<i>Eve</i>" });
        await using (var visitor = await OpenAsync(token))
        {
            await visitor.SendAsync(new { type = "message", text = html, clientId = "h1" });
            Assert.Equal(html, (await visitor.ReceiveUntilAsync("ack")).GetProperty("message").GetProperty("text").GetString());
        }

        var conversation = await server.GetJsonAsync($"/api/v1/conversations/{await ConversationOfAsync(token)}");
        Assert.Equal(html, conversation.GetProperty("messages")[0].GetProperty("body").GetString());
        Assert.Equal("<i>Eve</i>", conversation.GetProperty("customer").GetProperty("name").GetString());

        await using var reloaded = await WidgetClient.ConnectAsync(server.BaseAddress);
        Assert.Equal(html, (await reloaded.HelloAsync(token)).GetProperty("messages")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_message_resent_after_a_lost_acknowledgement_is_stored_once()
    {
        var token = await StartAsync();
        await using var visitor = await OpenAsync(token);
        await visitor.SendAsync(new { type = "message", text = "Where is my parcel?", clientId = "same-1" });
        var first = (await visitor.ReceiveUntilAsync("ack")).GetProperty("message").GetProperty("id").GetInt64();
        await visitor.SendAsync(new { type = "message", text = "Where is my parcel?", clientId = "same-1" });
        var second = (await visitor.ReceiveUntilAsync("ack")).GetProperty("message").GetProperty("id").GetInt64();
        Assert.Equal(first, second);

        var conversation = await server.GetJsonAsync($"/api/v1/conversations/{await ConversationOfAsync(token)}");
        Assert.Single(conversation.GetProperty("messages").EnumerateArray(), m => m.GetProperty("author").GetString() == "customer");
    }

    [Fact]
    public async Task Bad_start_requests_and_plain_http_on_the_socket_get_problem_details()
    {
        using var client = server.CreateClient(null);
        using var bad = await client.PostAsJsonAsync("/widget/conversations", new { email = "not an address" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _));

        using var longName = await client.PostAsJsonAsync("/widget/conversations", new { name = new string('n', 201) });
        Assert.Equal(HttpStatusCode.BadRequest, longName.StatusCode);

        using var empty = new HttpRequestMessage(HttpMethod.Post, "/widget/conversations");
        using var noBody = await client.SendAsync(empty);
        Assert.Equal(HttpStatusCode.Created, noBody.StatusCode);

        using var plain = await client.GetAsync(new Uri("/widget/socket", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Equal("application/problem+json", plain.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_script_and_the_demo_page_are_served()
    {
        using var client = server.CreateClient(null);
        using var script = await client.GetAsync(new Uri("/widget/rapport-widget.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        var js = await script.Content.ReadAsStringAsync();
        Assert.DoesNotContain("innerHTML", js, StringComparison.Ordinal);

        using var demo = await client.GetAsync(new Uri("/widget-demo", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, demo.StatusCode);
        var html = await demo.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/widget/rapport-widget.js\" async", html, StringComparison.Ordinal);
    }
}

public sealed class WidgetTestsOnSqlite(WidgetDeskFixture server) : WidgetTests(server), IClassFixture<WidgetDeskFixture>;

public sealed class WidgetTestsOnPostgreSql(WidgetDeskPostgreSqlFixture server) : WidgetTests(server), IClassFixture<WidgetDeskPostgreSqlFixture>;

/// <summary>The per-address limit on starting chats and opening sockets (independent of the database).</summary>
public sealed class WidgetAddressLimitTests(WidgetTightAddressFixture server) : IClassFixture<WidgetTightAddressFixture>
{
    [Fact]
    public async Task One_address_that_starts_too_many_chats_gets_429_with_retry_after()
    {
        using var client = server.CreateClient(null);
        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.PostAsJsonAsync("/widget/conversations", new { });
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using var refused = await client.PostAsJsonAsync("/widget/conversations", new { });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2 chats per 3600 s", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The socket counts against the same limit.
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new UriBuilder(server.BaseAddress) { Scheme = "ws", Path = "/widget/socket" }.Uri, CancellationToken.None));
        Assert.Equal(HttpStatusCode.TooManyRequests, socket.HttpStatusCode);
    }
}
