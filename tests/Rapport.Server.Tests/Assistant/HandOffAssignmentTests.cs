using System.Net.Http.Json;
using static Rapport.Server.Tests.Assistant.AssistantDesk;

namespace Rapport.Server.Tests.Assistant;

/// <summary>
/// Hand-offs go to the hand-off team's agent with the lightest load, each open conversation counting 1 + priority/100
/// (docs/assistant.md): a desk with <c>Rapport:Assistant:HandOffTeam</c> = Escalations.
/// </summary>
public abstract class HandOffAssignmentTests(ServerFixture server)
{
    private readonly AssistantDesk _desk = new(server);

    private async Task<long> TeamAsync(string name) => (await server.PostJsonAsync("/api/v1/teams", new { name }, 201)).GetProperty("id").GetInt64();

    private async Task<long> AgentAsync(string name, long teamId, string role = "agent") =>
        (await server.PostJsonAsync("/api/v1/agents", new { name, email = $"{name.Replace(' ', '.').ToLowerInvariant()}@example.com", teamId, role }, 201)).GetProperty("id").GetInt64();

    /// <summary>An e-mail conversation (the assistant does not answer e-mail) assigned to <paramref name="agentId"/>.</summary>
    private async Task<double> AssignedAsync(long agentId, string message)
    {
        var started = await _desk.StartAsync(message, channel: "email", name: "Someone");
        using var assign = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{Id(started)}/assignee", UriKind.Relative), new { agentId });
        assign.EnsureSuccessStatusCode();
        return started.GetProperty("conversation").GetProperty("priority").GetDouble();
    }

    [Fact]
    public async Task The_agent_with_the_lightest_priority_weighted_load_in_the_hand_off_team_takes_it()
    {
        // The assistant answers from a knowledge base: without one it stays silent, so this desk gets an article.
        Assert.Empty(AssistantMessages(await _desk.StartAsync("let me talk to a human", name: "Before Articles")));
        await server.PostJsonAsync("/api/v1/knowledge", new { title = "Opening hours", body = "We answer chats from 8:00 to 20:00 every day." }, 201);
        var escalations = await TeamAsync("Escalations");
        var other = await TeamAsync("Billing");
        var ana = await AgentAsync("Ana Busy", escalations);
        var ben = await AgentAsync("Ben Calm", escalations);
        await AgentAsync("Ada Admin", escalations, role: "admin");
        await AgentAsync("Oli Other", other);

        // Ana and Ben have one open conversation each; Ana's is an upset customer, Ben's a calm question. Counting
        // conversations alone would tie (and pick Ana, the lower id); weighted by priority, Ben's load is lighter.
        var upset = await AssignedAsync(ana, "This is the THIRD time I'm writing and still nothing works. I want a refund NOW or I'm leaving!");
        var calm = await AssignedAsync(ben, "Could you tell me when the shop opens on Saturday?");
        Assert.True(upset > calm + 10, $"priorities {upset} and {calm}");

        var started = await _desk.StartAsync("let me talk to a human", name: "Hana Handoff");
        var handOff = started.GetProperty("handOff");
        Assert.Equal(ben, handOff.GetProperty("agentId").GetInt64());
        Assert.Equal("Ben Calm", handOff.GetProperty("agentName").GetString());
        Assert.Equal(ben, started.GetProperty("conversation").GetProperty("assigneeId").GetInt64());
        Assert.Contains("Escalations", handOff.GetProperty("assignment").GetString(), StringComparison.Ordinal);

        // The next hand-off: Ben now holds two, Ana one (upset): Ana's load is lighter again.
        var next = await _desk.StartAsync("I want to speak to a real person please", name: "Ivo Next");
        Assert.Equal(ana, next.GetProperty("handOff").GetProperty("agentId").GetInt64());
    }
}

/// <summary>An empty desk whose hand-offs go to the team named Escalations.</summary>
public abstract class HandOffTeamFixture : ServerFixture
{
    protected override bool SeedDemo => false;

    protected override IEnumerable<string> ExtraArguments => ["--Rapport:Assistant:HandOffTeam", "Escalations"];
}

public sealed class HandOffTeamSqliteFixture : HandOffTeamFixture
{
    public override TestDatabase Database => TestDatabase.Sqlite;
}

public sealed class HandOffTeamPostgreSqlFixture : HandOffTeamFixture
{
    public override TestDatabase Database => TestDatabase.PostgreSql;
}

public sealed class HandOffAssignmentTestsOnSqlite(HandOffTeamSqliteFixture server) : HandOffAssignmentTests(server), IClassFixture<HandOffTeamSqliteFixture>;

public sealed class HandOffAssignmentTestsOnPostgreSql(HandOffTeamPostgreSqlFixture server) : HandOffAssignmentTests(server), IClassFixture<HandOffTeamPostgreSqlFixture>;
