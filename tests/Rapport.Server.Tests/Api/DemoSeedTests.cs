namespace Rapport.Server.Tests.Api;

public abstract class DemoSeedTests(ServerFixture server)
{
    [Fact]
    public async Task Demo_workspace_has_at_least_40_conversations_across_all_channels()
    {
        var ids = new List<long>();
        var channels = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var page = await server.GetJsonAsync("/api/v1/conversations?sort=newest&limit=100" + (cursor is null ? "" : "&cursor=" + cursor));
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                ids.Add(item.GetProperty("id").GetInt64());
                channels.Add(item.GetProperty("channel").GetString()!);
            }

            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.True(ids.Count >= 40, $"{ids.Count} conversations");
        Assert.Equal(["chat", "email", "phone", "social", "web"], channels.Order(StringComparer.Ordinal));
        var customers = await server.GetJsonAsync("/api/v1/customers?pageSize=100");
        Assert.Equal(20 + 36 + 3, customers.GetProperty("total").GetInt32()); // today's inbox, the history, the loop stories
    }

    [Fact]
    public async Task Demo_inbox_starts_with_an_angry_repeat_contact()
    {
        var inbox = await server.GetJsonAsync("/api/v1/conversations?sort=priority&limit=5");

        var items = inbox.GetProperty("items").EnumerateArray().ToList();
        var priorities = items.Select(i => i.GetProperty("priority").GetDouble()).ToList();
        Assert.Equal(priorities.OrderByDescending(p => p), priorities);
        var top = items[0].GetProperty("priorityReason").GetString()!;
        Assert.Contains("contact this week", top, StringComparison.Ordinal);
        Assert.True(items[0].GetProperty("escalationRisk").GetDouble() >= 0.6, top);
    }

    [Fact]
    public async Task Demo_agent_replies_carry_reviews_of_varied_empathy()
    {
        var scores = new List<int>();
        var page = await server.GetJsonAsync("/api/v1/conversations?sort=newest&limit=100");
        foreach (var item in page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("firstResponseAt").ValueKind != System.Text.Json.JsonValueKind.Null))
        {
            var detail = await server.GetJsonAsync($"/api/v1/conversations/{item.GetProperty("id").GetInt64()}");
            scores.AddRange(detail.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("author").GetString() == "agent")
                .Select(m => m.GetProperty("review").GetProperty("score").GetInt32()));
        }

        Assert.True(scores.Count >= 5, $"{scores.Count} agent replies");
        Assert.True(scores.Max() - scores.Min() >= 30, string.Join(", ", scores));
    }

    [Fact]
    public async Task Waiting_sort_lists_only_unanswered_open_conversations_longest_first()
    {
        var inbox = await server.GetJsonAsync("/api/v1/conversations?sort=waiting&limit=100");

        var items = inbox.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("open", i.GetProperty("status").GetString()));
        var since = items.Select(i => i.GetProperty("waitingSince").GetDateTimeOffset()).ToList();
        Assert.Equal(since.Order(), since);
    }

    [Fact]
    public async Task Demo_knowledge_base_is_seeded_and_answers_a_double_charge()
    {
        var articles = await server.GetJsonAsync("/api/v1/knowledge?limit=500");
        Assert.InRange(articles.GetArrayLength(), 40, 60);

        var search = await server.GetJsonAsync("/api/v1/knowledge/search?q=" + Uri.EscapeDataString("I've been charged TWICE and nobody answers!!"));
        var first = search.GetProperty("results")[0];
        Assert.Equal("double-charge", first.GetProperty("article").GetProperty("slug").GetString());
        Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("passage").GetProperty("text").GetString()));
    }
}

public sealed class DemoSeedTestsOnSqlite(DemoDeskFixture server) : DemoSeedTests(server), IClassFixture<DemoDeskFixture>;

public sealed class DemoSeedTestsOnPostgreSql(DemoDeskPostgreSqlFixture server) : DemoSeedTests(server), IClassFixture<DemoDeskPostgreSqlFixture>;
