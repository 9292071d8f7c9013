using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Training;
using Rapport.Desk.Agents;
using Rapport.Desk.Data;
using Rapport.Desk.Training;
using Rapport.Server.Api;
using Rapport.Server.Security;

namespace Rapport.Server.Tests.Api;

/// <summary>Stored scenarios, assignments and progress: what a lead sees of their agents' training.</summary>
public abstract class TrainingProgressTests(ServerFixture server)
{
    private const string Scenario = "damaged-order-deadline";

    private const string EmpatheticFirst =
        "Hi Maria, thank you for reaching out. I'm so sorry that your cake stand arrived cracked, just days before the party on Saturday. "
        + "I can see how frustrating this is. I'll take care of this for you personally, and I'll check everything on my side right away. "
        + "So that I get it right, could you tell me the order number? And could you also confirm the delivery address?";

    private const string EmpatheticSecond =
        "Thank you, Maria, that really helps. I understand how much this matters, and I'm sorry that your cake stand arrived cracked, "
        + "just days before the party on Saturday. Here is what I'll do: I'll send a replacement cake stand by express courier so it arrives by Friday, "
        + "and I'll make sure it arrives before Saturday with a tracking link today. You'll receive a confirmation by email today, "
        + "and I'll keep you updated until it's fully resolved. If there's anything else I can do, just reply to this message.";

    private async Task<long> TeamAsync() =>
        (await server.PostJsonAsync("/api/v1/teams", new { name = $"Team {Guid.NewGuid():N}" }, 201)).GetProperty("id").GetInt64();

    private async Task<long> AgentAsync(string name, long? teamId, string role = "agent") =>
        (await server.PostJsonAsync("/api/v1/agents", new { name, email = $"{Guid.NewGuid():N}@example.com", teamId, role }, 201)).GetProperty("id").GetInt64();

    private async Task<string> PlayAsync(long agentId, string scenarioId, params string[] replies)
    {
        var id = (await server.PostJsonAsync("/api/v1/training/attempts", new { scenarioId, seed = 2, agentId }, 201)).GetProperty("attempt").GetProperty("id").GetInt64();
        var outcome = "inProgress";
        foreach (var reply in replies)
        {
            if (outcome != "inProgress")
            {
                break;
            }

            outcome = (await server.PostJsonAsync($"/api/v1/training/attempts/{id}/replies", new { reply })).GetProperty("outcome").GetString()!;
        }

        return outcome;
    }

    private static string[] Robotic => [.. Enumerable.Repeat("Please check our FAQ.", 12)];

    [Fact]
    public async Task A_removed_stored_scenario_leaves_its_attempts_readable_but_not_playable()
    {
        var json = ScenarioFile(Scenario).Replace($"\"id\": \"{Scenario}\"", "\"id\": \"stored-cake-stand\"", StringComparison.Ordinal);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<ScenarioCatalog>();
            await catalog.AddAsync(ScenarioLibrary.Parse(json, "test"), json, null, null, DateTimeOffset.UtcNow, CancellationToken.None);
        }

        var listed = (await server.GetJsonAsync("/api/v1/training/scenarios")).EnumerateArray().Single(s => s.GetProperty("id").GetString() == "stored-cake-stand");
        Assert.Equal("stored", listed.GetProperty("source").GetString());
        var id = (await server.PostJsonAsync("/api/v1/training/attempts", new { scenarioId = "stored-cake-stand", seed = 4 }, 201)).GetProperty("attempt").GetProperty("id").GetInt64();
        await server.PostJsonAsync($"/api/v1/training/attempts/{id}/replies", new { reply = EmpatheticFirst });

        using var builtIn = await server.Client.DeleteAsync(new Uri($"/api/v1/training/scenarios/{Scenario}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, builtIn.StatusCode);
        using var removed = await server.Client.DeleteAsync(new Uri("/api/v1/training/scenarios/stored-cake-stand", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        using var again = await server.Client.DeleteAsync(new Uri("/api/v1/training/scenarios/stored-cake-stand", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        var detail = await server.GetJsonAsync($"/api/v1/training/attempts/{id}");
        Assert.False(detail.GetProperty("replayable").GetBoolean());
        Assert.Contains("no longer available", detail.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Equal(EmpatheticFirst, detail.GetProperty("transcript")[0].GetProperty("agentReply").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("scoreCard").ValueKind);
        Assert.Equal(1, detail.GetProperty("attempt").GetProperty("turns").GetInt32());

        using var reply = await server.Client.PostAsJsonAsync(new Uri($"/api/v1/training/attempts/{id}/replies", UriKind.Relative), new { reply = EmpatheticSecond });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.StatusCode);
        Assert.True((await reply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("scenarioId", out _));
    }

    [Fact]
    public async Task An_assignment_goes_from_open_to_tried_to_done_and_progress_shows_what_the_agent_misses()
    {
        var team = await TeamAsync();
        var agent = await AgentAsync("Pat Practice", team);
        var created = await server.PostJsonAsync("/api/v1/training/assignments", new { agentId = agent, scenarioId = Scenario, note = "Before your first Monday" }, 201);
        Assert.Equal("open", created.GetProperty("state").GetString());

        using var duplicate = await server.Client.PostAsJsonAsync(new Uri("/api/v1/training/assignments", UriKind.Relative), new { agentId = agent, scenarioId = Scenario });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        Assert.NotEqual("resolved", await PlayAsync(agent, Scenario, Robotic));
        var tried = await server.GetJsonAsync($"/api/v1/training/assignments?agentId={agent}");
        Assert.Equal("tried", tried[0].GetProperty("state").GetString());
        Assert.Equal(1, tried[0].GetProperty("attempts").GetInt32());

        Assert.Equal("resolved", await PlayAsync(agent, Scenario, EmpatheticFirst, EmpatheticSecond));
        var done = (await server.GetJsonAsync($"/api/v1/training/assignments?agentId={agent}"))[0];
        Assert.Equal("done", done.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Number, done.GetProperty("doneAttemptId").ValueKind);
        Assert.True(done.GetProperty("bestEmpathy").GetDouble() >= 80, done.ToString());

        var progress = (await server.GetJsonAsync($"/api/v1/training/progress?teamId={team}")).EnumerateArray().Single();
        Assert.Equal(agent, progress.GetProperty("agentId").GetInt64());
        Assert.Equal(2, progress.GetProperty("finished").GetInt32());
        Assert.Equal(1, progress.GetProperty("resolved").GetInt32());
        var missed = progress.GetProperty("mostMissed");
        Assert.InRange(missed.GetArrayLength(), 1, 3);
        Assert.True(missed[0].GetProperty("missed").GetInt32() >= 1, missed.ToString());
        Assert.False(string.IsNullOrWhiteSpace(progress.GetProperty("suggestion").GetProperty("reason").GetString()));
        // The robotic attempt missed acknowledgement on every turn: the suggester targets the weakest practice.
        Assert.Equal(missed[0].GetProperty("practice").GetString(), progress.GetProperty("suggestion").GetProperty("practice").GetString());

        // Once done, the same scenario can be assigned again.
        await server.PostJsonAsync("/api/v1/training/assignments", new { agentId = agent, scenarioId = Scenario }, 201);
    }

    [Fact]
    public async Task Assignment_errors_are_problems_400_404_and_422()
    {
        var agent = await AgentAsync("Err Agent", null);
        using var noAgent = await server.Client.PostAsJsonAsync(new Uri("/api/v1/training/assignments", UriKind.Relative), new { scenarioId = Scenario });
        Assert.Equal(HttpStatusCode.BadRequest, noAgent.StatusCode);
        Assert.True((await noAgent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("agentId", out _));
        using var unknownScenario = await server.Client.PostAsJsonAsync(new Uri("/api/v1/training/assignments", UriKind.Relative), new { agentId = agent, scenarioId = "nope" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownScenario.StatusCode);
        using var unknownAgent = await server.Client.PostAsJsonAsync(new Uri("/api/v1/training/assignments", UriKind.Relative), new { agentId = 987654, scenarioId = Scenario });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownAgent.StatusCode);
        using var past = await server.Client.PostAsJsonAsync(new Uri("/api/v1/training/assignments", UriKind.Relative), new { agentId = agent, scenarioId = Scenario, dueAt = DateTimeOffset.UtcNow.AddDays(-1) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        using var longNote = await server.Client.PostAsJsonAsync(new Uri("/api/v1/training/assignments", UriKind.Relative), new { agentId = agent, scenarioId = Scenario, note = new string('n', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, longNote.StatusCode);
        using var missing = await server.Client.DeleteAsync(new Uri("/api/v1/training/assignments/987654", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var id = (await server.PostJsonAsync("/api/v1/training/assignments", new { agentId = agent, scenarioId = Scenario, dueAt = DateTimeOffset.UtcNow.AddDays(3) }, 201)).GetProperty("id").GetInt64();
        using var withdrawn = await server.Client.DeleteAsync(new Uri($"/api/v1/training/assignments/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.Equal(0, (await server.GetJsonAsync($"/api/v1/training/assignments?agentId={agent}")).GetArrayLength());
    }

    [Fact]
    public async Task A_signed_in_agent_sees_only_their_own_training_and_a_lead_assigns_only_within_their_team()
    {
        var team = await TeamAsync();
        var other = await TeamAsync();
        var lead = await AgentAsync("Lee Lead", team, "lead");
        var mate = await AgentAsync("Mo Mate", team);
        var stranger = await AgentAsync("Sol Stranger", other);

        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var leadUser = new SignedInAgent(lead, "Lee Lead", "l@example.com", AgentRole.Lead, team).ToPrincipal(AgentCookies.Scheme);
        var agentUser = new SignedInAgent(mate, "Mo Mate", "m@example.com", AgentRole.Agent, team).ToPrincipal(AgentCookies.Scheme);

        Assert.Equal([lead, mate], (await TrainingAccess.VisibleAgentsAsync(leadUser, db, null, null, CancellationToken.None)).Order());
        Assert.Equal([mate], await TrainingAccess.VisibleAgentsAsync(agentUser, db, null, null, CancellationToken.None));
        Assert.Empty(await TrainingAccess.VisibleAgentsAsync(agentUser, db, stranger, null, CancellationToken.None));
        Assert.Null(await TrainingAccess.WhyCannotAssignAsync(leadUser, db, mate, CancellationToken.None));
        Assert.NotNull(await TrainingAccess.WhyCannotAssignAsync(leadUser, db, stranger, CancellationToken.None));
        Assert.NotNull(await TrainingAccess.WhyCannotAssignAsync(agentUser, db, mate, CancellationToken.None));
    }

    [Fact]
    public async Task A_resolved_conversation_becomes_an_anonymised_playable_scenario_once()
    {
        var customer = (await server.PostJsonAsync("/api/v1/customers", new { name = "Henrietta Quill", email = $"hq-{Guid.NewGuid():N}@example.com" }, 201)).GetProperty("id").GetInt64();
        var agent = await AgentAsync("Bartholomew Stone", null);
        var conversation = (await server.PostJsonAsync("/api/v1/conversations", new
        {
            customerId = customer,
            channel = "email",
            subject = "Charged twice",
            message = "I've been charged twice for my subscription this month and I'm really annoyed. Call me on 0161 496 0000 or write to henrietta.quill@example.com.",
        }, 201)).GetProperty("conversation").GetProperty("id").GetInt64();
        async Task Say(string author, string body) =>
            await server.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { author, body, agentId = author == "agent" ? agent : (long?)null }, 201);
        await Say("agent", "Hi Henrietta, I'm sorry about the double charge. Could you tell me the last four digits of the card that was charged?");
        await Say("customer", "It's the card ending in 4417, both charges were on 3 March.");
        await Say("agent", "Thank you. I'll refund the duplicate charge today and I'll email you the confirmation once it has gone through.");
        await Say("customer", "Thanks, that's a relief.");

        using var notResolved = await server.Client.PostAsJsonAsync(new Uri("/api/v1/training/scenarios/from-conversation", UriKind.Relative), new { conversationId = conversation });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notResolved.StatusCode);

        using (var status = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{conversation}/status", UriKind.Relative), new { status = "resolved" }))
        {
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        }

        var scenario = await server.PostJsonAsync("/api/v1/training/scenarios/from-conversation", new { conversationId = conversation }, 201);
        var id = scenario.GetProperty("id").GetString()!;
        Assert.StartsWith("from-conversation-", id, StringComparison.Ordinal);
        Assert.Equal("stored", scenario.GetProperty("source").GetString());
        Assert.Equal(conversation, scenario.GetProperty("sourceConversationId").GetInt64());
        var text = scenario.ToString();
        foreach (var secret in new[] { "Henrietta", "Quill", "Bartholomew", "0161 496 0000", "henrietta.quill@example.com" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }

        var started = await server.PostJsonAsync("/api/v1/training/attempts", new { scenarioId = id, seed = 1 }, 201);
        Assert.DoesNotContain("henrietta", started.GetProperty("opening").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(id, (await server.GetJsonAsync("/api/v1/training/scenarios")).EnumerateArray().Select(s => s.GetProperty("id").GetString()));

        using var again = await server.Client.PostAsJsonAsync(new Uri("/api/v1/training/scenarios/from-conversation", UriKind.Relative), new { conversationId = conversation });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var unknown = await server.Client.PostAsJsonAsync(new Uri("/api/v1/training/scenarios/from-conversation", UriKind.Relative), new { conversationId = 987654 });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var missing = await server.Client.PostAsJsonAsync(new Uri("/api/v1/training/scenarios/from-conversation", UriKind.Relative), new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    private static string ScenarioFile(string id)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "src", "Rapport.Core", "Resources", "training", id + ".json");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException($"training/{id}.json not found above {AppContext.BaseDirectory}");
    }
}

public sealed class TrainingProgressTestsOnSqlite(EmptyDeskFixture server) : TrainingProgressTests(server), IClassFixture<EmptyDeskFixture>;

public sealed class TrainingProgressTestsOnPostgreSql(EmptyDeskPostgreSqlFixture server) : TrainingProgressTests(server), IClassFixture<EmptyDeskPostgreSqlFixture>;
