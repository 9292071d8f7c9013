using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rapport.Server.Tests.Api;

public abstract class LabelsAndNotesTests(ServerFixture server)
{
    private async Task<long> CustomerAsync(string name) =>
        (await server.PostJsonAsync("/api/v1/customers", new { name }, 201)).GetProperty("id").GetInt64();

    private static IEnumerable<string?> Labels(JsonElement summary) =>
        summary.GetProperty("labels").EnumerateArray().Select(l => l.GetString());

    private async Task<List<long>> InboxAsync(string query) =>
        [.. (await server.GetJsonAsync("/api/v1/conversations?limit=100&" + query)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];

    [Fact]
    public async Task Labels_are_normalised_on_create_replaced_by_put_and_filter_the_inbox()
    {
        var customer = await CustomerAsync("Label Lou");
        var tag = "refund-" + Guid.NewGuid().ToString("N")[..8];
        var created = await server.PostJsonAsync("/api/v1/conversations",
            new { customerId = customer, channel = "email", subject = "Money back", labels = new[] { $"  {tag.ToUpperInvariant()} ", "Bug", tag } }, 201);
        var id = created.GetProperty("conversation").GetProperty("id").GetInt64();
        var other = (await server.PostJsonAsync("/api/v1/conversations", new { customerId = customer, channel = "chat", subject = "Other" }, 201))
            .GetProperty("conversation").GetProperty("id").GetInt64();

        Assert.Equal([tag, "bug"], Labels(created.GetProperty("conversation")));
        Assert.Equal([id], await InboxAsync($"label={tag}"));
        Assert.Equal([id], await InboxAsync($"label={tag.ToUpperInvariant()}&sort=newest"));
        Assert.DoesNotContain(other, await InboxAsync("label=bug"));

        using var put = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{id}/labels", UriKind.Relative), new { labels = new[] { "Delivery" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(["delivery"], Labels(await put.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Empty(await InboxAsync($"label={tag}"));
        var detail = await server.GetJsonAsync($"/api/v1/conversations/{id}");
        Assert.Equal(["delivery"], Labels(detail.GetProperty("conversation")));

        using var clear = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{id}/labels", UriKind.Relative), new { labels = Array.Empty<string>() });
        Assert.Empty(Labels(await clear.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task Bad_labels_are_400_problems_naming_the_label()
    {
        var customer = await CustomerAsync("Label Errors");
        var id = (await server.PostJsonAsync("/api/v1/conversations", new { customerId = customer, channel = "web", subject = "x" }, 201))
            .GetProperty("conversation").GetProperty("id").GetInt64();
        var uri = new Uri($"/api/v1/conversations/{id}/labels", UriKind.Relative);

        async Task AssertFieldAsync(object body, string field)
        {
            using var response = await server.Client.PutAsJsonAsync(uri, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
            Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
        }

        await AssertFieldAsync(new { labels = Enumerable.Range(0, 21).Select(i => $"l{i}").ToArray() }, "labels");
        await AssertFieldAsync(new { labels = new[] { new string('x', 41) } }, "labels[0]");
        await AssertFieldAsync(new { labels = new[] { "ok", "   " } }, "labels[1]");
        await AssertFieldAsync(new { labels = new[] { "bell\u0007" } }, "labels[0]");
        await AssertFieldAsync(new { }, "labels");

        using var unknown = await server.Client.PutAsJsonAsync(new Uri("/api/v1/conversations/987654/labels", UriKind.Relative), new { labels = new[] { "x" } });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var badFilter = await server.Client.GetAsync(new Uri("/api/v1/conversations?label=" + new string('y', 41), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
    }

    [Fact]
    public async Task Notes_are_added_listed_oldest_first_and_shown_in_the_detail()
    {
        var customer = await CustomerAsync("Noted Nia");
        var id = (await server.PostJsonAsync("/api/v1/conversations", new { customerId = customer, channel = "phone", subject = "Callback" }, 201))
            .GetProperty("conversation").GetProperty("id").GetInt64();
        var agent = (await server.PostJsonAsync("/api/v1/agents", new { name = "Nora Notes", email = $"nora-{Guid.NewGuid():N}@example.com" }, 201)).GetProperty("id").GetInt64();

        var first = await server.PostJsonAsync($"/api/v1/conversations/{id}/notes", new { body = "Called back, no answer. <b>Try</b> after 5pm." }, 201);
        var second = await server.PostJsonAsync($"/api/v1/conversations/{id}/notes", new { body = "Reached her; refund approved.", agentId = agent }, 201);

        Assert.Equal(JsonValueKind.Null, first.GetProperty("agentId").ValueKind);
        Assert.Equal(agent, second.GetProperty("agentId").GetInt64());
        var list = await server.GetJsonAsync($"/api/v1/conversations/{id}/notes");
        Assert.Equal([first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64()], list.EnumerateArray().Select(n => n.GetProperty("id").GetInt64()));
        Assert.Equal("Called back, no answer. <b>Try</b> after 5pm.", list[0].GetProperty("body").GetString());
        var detail = await server.GetJsonAsync($"/api/v1/conversations/{id}");
        Assert.Equal(2, detail.GetProperty("notes").GetArrayLength());
        Assert.Equal("Reached her; refund approved.", detail.GetProperty("notes")[1].GetProperty("body").GetString());
    }

    [Fact]
    public async Task Note_errors_are_problems_400_404_and_422()
    {
        var customer = await CustomerAsync("Note Errors");
        var id = (await server.PostJsonAsync("/api/v1/conversations", new { customerId = customer, channel = "chat", subject = "x" }, 201))
            .GetProperty("conversation").GetProperty("id").GetInt64();

        using var empty = await server.Client.PostAsJsonAsync(new Uri($"/api/v1/conversations/{id}/notes", UriKind.Relative), new { body = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using var tooLong = await server.Client.PostAsJsonAsync(new Uri($"/api/v1/conversations/{id}/notes", UriKind.Relative), new { body = new string('n', 8001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        using var unknownAgent = await server.Client.PostAsJsonAsync(new Uri($"/api/v1/conversations/{id}/notes", UriKind.Relative), new { body = "Hi", agentId = 987654 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownAgent.StatusCode);
        Assert.True((await unknownAgent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("agentId", out _));
        using var unknownPost = await server.Client.PostAsJsonAsync(new Uri("/api/v1/conversations/987654/notes", UriKind.Relative), new { body = "Hi" });
        Assert.Equal(HttpStatusCode.NotFound, unknownPost.StatusCode);
        using var unknownList = await server.Client.GetAsync(new Uri("/api/v1/conversations/987654/notes", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknownList.StatusCode);
        Assert.Equal("application/problem+json", unknownList.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class LabelsAndNotesTestsOnSqlite(EmptyDeskFixture server) : LabelsAndNotesTests(server), IClassFixture<EmptyDeskFixture>;

public sealed class LabelsAndNotesTestsOnPostgreSql(EmptyDeskPostgreSqlFixture server) : LabelsAndNotesTests(server), IClassFixture<EmptyDeskPostgreSqlFixture>;
