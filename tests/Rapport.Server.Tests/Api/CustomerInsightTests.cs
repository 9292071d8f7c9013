using System.Net;
using System.Text.Json;

namespace Rapport.Server.Tests.Api;

/// <summary>The insight of demo customers: James Carter wrote three times in three days about a blender that never came.</summary>
public abstract class CustomerInsightTests(ServerFixture server)
{
    private async Task<long> CustomerIdAsync(string name)
    {
        var customers = await server.GetJsonAsync("/api/v1/customers?pageSize=200");
        return customers.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name).GetProperty("id").GetInt64();
    }

    private static List<string> Kinds(JsonElement insight) =>
        [.. insight.GetProperty("needsNext").EnumerateArray().Select(n => n.GetProperty("kind").GetString()!)];

    [Fact]
    public async Task Repeat_contact_customer_has_history_across_channels_a_trend_and_next_steps_with_evidence()
    {
        var id = await CustomerIdAsync("James Carter");

        var insight = await server.GetJsonAsync($"/api/v1/customers/{id}/insight");

        var history = insight.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(3, history.Count);
        Assert.Equal(["chat", "email", "phone"], history.Select(h => h.GetProperty("channel").GetString()).Order(StringComparer.Ordinal));
        var created = history.Select(h => h.GetProperty("createdAt").GetDateTimeOffset()).ToList();
        Assert.Equal(created.OrderDescending(), created);
        Assert.All(history, h => Assert.True(h.GetProperty("messageCount").GetInt32() >= 1));
        Assert.All(history, h => Assert.Contains("delivery", h.GetProperty("labels").EnumerateArray().Select(l => l.GetString())));
        Assert.Equal(1, insight.GetProperty("channels").GetProperty("phone").GetInt32());

        Assert.Equal(3, insight.GetProperty("contactsLast30Days").GetInt32());
        Assert.Equal(2, insight.GetProperty("repeatContacts").GetInt32());
        Assert.Equal(3, insight.GetProperty("openIssues").GetArrayLength());
        var trend = insight.GetProperty("trend");
        Assert.Equal(3, trend.GetProperty("points").GetArrayLength());
        Assert.Contains(trend.GetProperty("summary").GetString(), new[] { "improving", "worsening", "steady" });

        var kinds = Kinds(insight);
        Assert.Contains("refund-follow-up", kinds);
        Assert.Contains("single-owner", kinds);
        var owner = insight.GetProperty("needsNext").EnumerateArray().Single(n => n.GetProperty("kind").GetString() == "single-owner");
        Assert.Contains("about delivery", owner.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, owner.GetProperty("conversationIds").GetArrayLength());
        Assert.All(insight.GetProperty("needsNext").EnumerateArray(), n =>
        {
            Assert.Contains("#", n.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(n.GetProperty("suggestion").GetString()));
        });
    }

    [Fact]
    public async Task Happy_customer_with_a_fresh_question_needs_nothing_pressing()
    {
        // Yuki Tanaka: a resolved, grateful conversation and a promo-code question from half an hour ago.
        var id = await CustomerIdAsync("Yuki Tanaka");

        var insight = await server.GetJsonAsync($"/api/v1/customers/{id}/insight");

        Assert.Equal(1, insight.GetProperty("openIssues").GetArrayLength());
        Assert.Empty(Kinds(insight));
        Assert.False(insight.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task Customer_without_conversations_has_an_empty_insight_and_unknown_customer_is_404()
    {
        var created = await server.PostJsonAsync("/api/v1/customers", new { name = "New Nadia" }, 201);

        var insight = await server.GetJsonAsync($"/api/v1/customers/{created.GetProperty("id").GetInt64()}/insight");

        Assert.Empty(insight.GetProperty("history").EnumerateArray());
        Assert.Empty(insight.GetProperty("needsNext").EnumerateArray());
        Assert.Equal("unknown", insight.GetProperty("trend").GetProperty("summary").GetString());
        using var missing = await server.Client.GetAsync(new Uri("/api/v1/customers/987654/insight", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Demo_conversations_carry_labels_the_inbox_filters_by()
    {
        var refunds = await server.GetJsonAsync("/api/v1/conversations?label=refund&limit=100");

        var items = refunds.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 5, $"{items.Count} refund conversations");
        Assert.All(items, i => Assert.Contains("refund", i.GetProperty("labels").EnumerateArray().Select(l => l.GetString())));
    }
}

public sealed class CustomerInsightTestsOnSqlite(DemoDeskFixture server) : CustomerInsightTests(server), IClassFixture<DemoDeskFixture>;

public sealed class CustomerInsightTestsOnPostgreSql(DemoDeskPostgreSqlFixture server) : CustomerInsightTests(server), IClassFixture<DemoDeskPostgreSqlFixture>;
