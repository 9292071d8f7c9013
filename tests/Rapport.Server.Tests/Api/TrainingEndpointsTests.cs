using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rapport.Server.Tests.Api;

public abstract class TrainingEndpointsTests(ServerFixture server)
{
    private const string Scenario = "damaged-order-deadline";

    // The Core tests' scripted empathetic agent, written out for this scenario (what an agent sees of the case notes).
    private const string EmpatheticFirst =
        "Hi Maria, thank you for reaching out. I'm so sorry that your cake stand arrived cracked, just days before the party on Saturday. "
        + "I can see how frustrating this is. I'll take care of this for you personally, and I'll check everything on my side right away. "
        + "So that I get it right, could you tell me the order number? And could you also confirm the delivery address?";

    private const string EmpatheticSecond =
        "Thank you, Maria, that really helps. I understand how much this matters, and I'm sorry that your cake stand arrived cracked, "
        + "just days before the party on Saturday. Here is what I'll do: I'll send a replacement cake stand by express courier so it arrives by Friday, "
        + "and I'll make sure it arrives before Saturday with a tracking link today. You'll receive a confirmation by email today, "
        + "and I'll keep you updated until it's fully resolved. If there's anything else I can do, just reply to this message.";

    private async Task<long> StartAsync(int seed, long? agentId = null) =>
        (await server.PostJsonAsync("/api/v1/training/attempts", new { scenarioId = Scenario, seed, agentId }, 201))
            .GetProperty("attempt").GetProperty("id").GetInt64();

    private async Task<HttpResponseMessage> ReplyAsync(long id, object body) =>
        await server.Client.PostAsJsonAsync(new Uri($"/api/v1/training/attempts/{id}/replies", UriKind.Relative), body);

    [Fact]
    public async Task Scenarios_are_listed_with_persona_and_starting_emotion()
    {
        var scenarios = await server.GetJsonAsync("/api/v1/training/scenarios");

        Assert.True(scenarios.GetArrayLength() >= 20, scenarios.ToString());
        var damaged = scenarios.EnumerateArray().Single(s => s.GetProperty("id").GetString() == Scenario);
        Assert.Equal("Maria Lopez", damaged.GetProperty("personaName").GetString());
        Assert.Equal("frustration", damaged.GetProperty("emotion").GetString());
        Assert.False(string.IsNullOrWhiteSpace(damaged.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task An_empathetic_two_turn_play_calms_the_customer_and_is_stored_for_the_agent()
    {
        var agent = (await server.PostJsonAsync("/api/v1/agents", new { name = "Tara Trainee", email = $"tara-{Guid.NewGuid():N}@example.com" }, 201))
            .GetProperty("id").GetInt64();
        var started = await server.PostJsonAsync("/api/v1/training/attempts", new { scenarioId = Scenario, seed = 3, agentId = agent }, 201);
        var id = started.GetProperty("attempt").GetProperty("id").GetInt64();
        Assert.Contains("Saturday", started.GetProperty("opening").GetString(), StringComparison.Ordinal);
        Assert.Equal("inProgress", started.GetProperty("attempt").GetProperty("outcome").GetString());

        using var first = await ReplyAsync(id, new { reply = EmpatheticFirst });
        var firstText = await first.Content.ReadAsStringAsync();
        Assert.True(first.StatusCode == HttpStatusCode.OK, firstText);
        var turn1 = JsonDocument.Parse(firstText).RootElement;
        Assert.Equal(1, turn1.GetProperty("turn").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(turn1.GetProperty("customerReply").GetString()));
        Assert.True(turn1.GetProperty("score").GetInt32() >= 60, firstText);
        Assert.Equal("inProgress", turn1.GetProperty("outcome").GetString());

        using var second = await ReplyAsync(id, new { reply = EmpatheticSecond });
        var turn2 = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains(turn2.GetProperty("outcome").GetString(), new[] { "resolved", "inProgress" });

        var detail = await server.GetJsonAsync($"/api/v1/training/attempts/{id}");
        var card = detail.GetProperty("scoreCard");
        var curve = card.GetProperty("curve");
        Assert.Equal(3, curve.GetArrayLength());
        Assert.True(curve[2].GetProperty("intensity").GetDouble() < curve[0].GetProperty("intensity").GetDouble(), card.ToString());
        Assert.Equal(2, detail.GetProperty("transcript").GetArrayLength());
        Assert.Equal(EmpatheticSecond, detail.GetProperty("transcript")[1].GetProperty("agentReply").GetString());
        Assert.Equal(turn2.GetProperty("empathy").GetInt32(), card.GetProperty("empathy").GetInt32());

        var mine = await server.GetJsonAsync($"/api/v1/training/attempts?agentId={agent}");
        Assert.Equal([id], mine.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
        Assert.Equal(2, mine[0].GetProperty("turns").GetInt32());
    }

    [Fact]
    public async Task A_robotic_agent_loses_the_customer_and_the_replay_matches_the_last_turn()
    {
        var id = await StartAsync(seed: 7);
        JsonElement last = default;
        for (var turn = 1; turn <= 8; turn++)
        {
            using var response = await ReplyAsync(id, new { reply = "Please check our FAQ." });
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            last = JsonDocument.Parse(text).RootElement.Clone();
            Assert.NotNull(last.GetProperty("tip").GetString());
            if (last.GetProperty("outcome").GetString() != "inProgress")
            {
                break;
            }
        }

        Assert.Contains(last.GetProperty("outcome").GetString(), new[] { "escalated", "abandoned" });

        var card = (await server.GetJsonAsync($"/api/v1/training/attempts/{id}")).GetProperty("scoreCard");
        Assert.Equal(last.GetProperty("outcome").GetString(), card.GetProperty("outcome").GetString());
        Assert.Equal(last.GetProperty("turns").GetInt32(), card.GetProperty("turns").GetInt32());
        Assert.Equal(last.GetProperty("empathy").GetInt32(), card.GetProperty("empathy").GetInt32());
        Assert.Equal(last.GetProperty("score").GetInt32(), card.GetProperty("turnScores")[last.GetProperty("turn").GetInt32() - 1].GetInt32());
        Assert.NotEmpty(card.GetProperty("weakest").EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(card.GetProperty("practiseNext").GetString()));

        using var afterEnd = await ReplyAsync(id, new { reply = "Sorry, one more thing." });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, afterEnd.StatusCode);
        Assert.True((await afterEnd.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reply", out _));
    }

    [Fact]
    public async Task Training_errors_are_problems_400_404_and_422()
    {
        using var unknownScenario = await server.Client.PostAsJsonAsync(new Uri("/api/v1/training/attempts", UriKind.Relative), new { scenarioId = "no-such-scenario" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownScenario.StatusCode);
        Assert.True((await unknownScenario.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("scenarioId", out _));
        using var unknownAgent = await server.Client.PostAsJsonAsync(new Uri("/api/v1/training/attempts", UriKind.Relative), new { scenarioId = Scenario, agentId = 987654 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownAgent.StatusCode);

        var id = await StartAsync(seed: 1);
        using var empty = await ReplyAsync(id, new { reply = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reply", out _));
        using var tooLong = await ReplyAsync(id, new { reply = new string('r', 4001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        using var control = await ReplyAsync(id, new { reply = "bell\u0007" });
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);

        using var unknownReply = await ReplyAsync(987654, new { reply = "Hello" });
        Assert.Equal(HttpStatusCode.NotFound, unknownReply.StatusCode);
        using var unknownGet = await server.Client.GetAsync(new Uri("/api/v1/training/attempts/987654", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknownGet.StatusCode);
        Assert.Equal("application/problem+json", unknownGet.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class TrainingEndpointsTestsOnSqlite(EmptyDeskFixture server) : TrainingEndpointsTests(server), IClassFixture<EmptyDeskFixture>;

public sealed class TrainingEndpointsTestsOnPostgreSql(EmptyDeskPostgreSqlFixture server) : TrainingEndpointsTests(server), IClassFixture<EmptyDeskPostgreSqlFixture>;
