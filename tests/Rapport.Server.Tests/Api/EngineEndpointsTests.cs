using System.Text.Json;

namespace Rapport.Server.Tests.Api;

public abstract class EngineEndpointsTests(ServerFixture server)
{
    [Fact]
    public async Task Analyze_Text_ReturnsTheCliReadingShape()
    {
        var reading = await server.PostJsonAsync("/api/v1/analyze", new { text = "Thanks, but this is the third time I've asked" });

        string[] expected = ["labels", "scores", "ekman", "sentiment", "goEmotions", "valence", "intensity", "escalationRisk",
            "language", "languageConfidence", "analyzed", "evidence", "signals", "truncated"];
        Assert.Equal(expected, reading.EnumerateObject().Select(p => p.Name));
        Assert.Contains("frustration", reading.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(9, reading.GetProperty("scores").EnumerateObject().Count());
        var evidence = reading.GetProperty("evidence").EnumerateArray().First(e => e.GetProperty("cue").GetString() == "repeat contact");
        Assert.Equal("third time", evidence.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Review_CurtReply_ScoresLowWithFindingsAndMechanisms()
    {
        var review = await server.PostJsonAsync("/api/v1/review", new
        {
            customer = "My order arrived damaged and I need it for Saturday",
            reply = "Return it via the portal.",
            name = "Maria",
        });

        Assert.Equal(["score", "findings", "mechanisms", "customer"], review.EnumerateObject().Select(p => p.Name));
        Assert.InRange(review.GetProperty("score").GetInt32(), 0, 40);
        Assert.Equal(16, review.GetProperty("findings").GetArrayLength());
        var finding = review.GetProperty("findings")[0];
        Assert.Equal(["practice", "status", "weight", "evidence", "suggestion", "insert"], finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, review.GetProperty("mechanisms").GetProperty("emotionalReactions").ValueKind);
        Assert.Contains("disappointment", review.GetProperty("customer").GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task Review_CustomerAsArray_IsAccepted()
    {
        var review = await server.PostJsonAsync("/api/v1/review", new
        {
            customer = new[] { "My order arrived damaged.", "I need it for Saturday!" },
            reply = "Hi Maria, I'm so sorry your order arrived damaged. I'll send a replacement today so it reaches you before Saturday.",
            name = "Maria Lopez",
            agent = "Sam",
            atFault = true,
        });

        Assert.InRange(review.GetProperty("score").GetInt32(), 41, 100);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheOperations()
    {
        var document = await server.GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/analyze", paths);
        Assert.Contains("/api/v1/review", paths);
        Assert.Contains("/api/v1/conversations/{id}/messages", paths);
        Assert.Contains("/api/v1/customers/{id}", paths);
    }

    [Fact]
    public async Task Docs_Page_IsServedWithoutExternalResources()
    {
        var html = await server.Client.GetStringAsync(new Uri("/docs", UriKind.Relative));

        Assert.Contains("/openapi/v1.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }
}

public sealed class EngineEndpointsTestsOnSqlite(EmptyDeskFixture server) : EngineEndpointsTests(server), IClassFixture<EmptyDeskFixture>;

public sealed class EngineEndpointsTestsOnPostgreSql(EmptyDeskPostgreSqlFixture server) : EngineEndpointsTests(server), IClassFixture<EmptyDeskPostgreSqlFixture>;
