using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Desk.Data;

namespace Rapport.Server.Tests.Recognition;

/// <summary>Kudos end to end: suggestions from strong replies and the customer's rating or praise, decisions, the wall, bad input.</summary>
public abstract partial class KudosTests(ServerFixture server)
{
    private sealed record Desk(long Team, long Lead, long Agent, long Customer);

    private async Task<Desk> TeamAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var team = (await server.PostJsonAsync("/api/v1/teams", new { name = $"Care {unique}" }, 201)).GetProperty("id").GetInt64();
        var lead = (await server.PostJsonAsync("/api/v1/agents", new { name = "Lee Park", email = $"lee-{unique}@example.com", teamId = team, role = "lead" }, 201)).GetProperty("id").GetInt64();
        var agent = (await server.PostJsonAsync("/api/v1/agents", new { name = "Sam Rivera", email = $"sam-{unique}@example.com", teamId = team }, 201)).GetProperty("id").GetInt64();
        var customer = (await server.PostJsonAsync("/api/v1/customers", new { name = "Maria Lopez", email = $"maria-{unique}@example.com" }, 201)).GetProperty("id").GetInt64();
        return new Desk(team, lead, agent, customer);
    }

    /// <summary>A conversation with one reply by the desk's agent whose stored empathy score is set to <paramref name="score"/>
    /// (the rule is under test here, not the coach). Returns the conversation and the reply's message id.</summary>
    private async Task<(long Conversation, long Reply)> ConversationAsync(Desk desk, int score, string reply = "I'm so sorry the stand arrived cracked; that's upsetting before a party. I've sent a new one by express today.")
    {
        var conversation = (await server.PostJsonAsync("/api/v1/conversations", new { customerId = desk.Customer, channel = "email", subject = "Cracked cake stand", message = "My cake stand arrived cracked and the party is on Saturday." }, 201))
            .GetProperty("conversation").GetProperty("id").GetInt64();
        await PutAsync($"/api/v1/conversations/{conversation}/assignee", new { agentId = desk.Agent });
        var message = (await server.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { author = "agent", agentId = desk.Agent, body = reply }, 201))
            .GetProperty("message").GetProperty("id").GetInt64();
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        await db.MessageReviews.Where(r => r.MessageId == message).ExecuteUpdateAsync(s => s.SetProperty(r => r.Score, score));
        return (conversation, message);
    }

    private async Task CustomerSaysAsync(long conversation, string body) =>
        await server.PostJsonAsync($"/api/v1/conversations/{conversation}/messages", new { author = "customer", body }, 201);

    private async Task PutAsync(string path, object body)
    {
        using var response = await server.Client.PutAsJsonAsync(new Uri(path, UriKind.Relative), body);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Resolves the conversation, creates a survey and answers it through the public page (no API key).</summary>
    private async Task AnswerSurveyAsync(long conversation, string satisfaction, string? comment = null)
    {
        await PutAsync($"/api/v1/conversations/{conversation}/status", new { status = "resolved" });
        var url = (await server.PostJsonAsync($"/api/v1/conversations/{conversation}/survey", new { }, 201)).GetProperty("url").GetString()!;
        var path = new Uri(url).AbsolutePath;
        using var customer = server.CreateClient(null);
        var form = await customer.GetStringAsync(new Uri(path, UriKind.Relative));
        var hidden = Hidden().Match(form);
        Assert.True(hidden.Success, form);
        List<KeyValuePair<string, string>> values =
        [
            new(hidden.Groups["name"].Value, WebUtility.HtmlDecode(hidden.Groups["value"].Value)),
            new("satisfaction", satisfaction),
            new("understood", "5"),
        ];
        if (comment is not null)
        {
            values.Add(new("comment", comment));
        }

        using var content = new FormUrlEncodedContent(values);
        using var response = await customer.PostAsync(new Uri(path, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]+)" />""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Hidden();

    private async Task<JsonElement[]> SuggestionsAsync(Desk desk) =>
        [.. (await server.GetJsonAsync($"/api/v1/kudos/suggestions?teamId={desk.Team}")).EnumerateArray()];

    private async Task<HttpStatusCode> PostStatusAsync(string path, object? body = null)
    {
        using var response = body is null
            ? await server.Client.PostAsync(new Uri(path, UriKind.Relative), null)
            : await server.Client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return response.StatusCode;
    }

    [Fact]
    public async Task A_reply_of_90_or_more_and_a_satisfaction_of_5_is_suggested_with_its_evidence()
    {
        var desk = await TeamAsync();
        var (conversation, reply) = await ConversationAsync(desk, score: 92);
        Assert.Empty(await SuggestionsAsync(desk));

        await AnswerSurveyAsync(conversation, "5");

        var suggestion = Assert.Single(await SuggestionsAsync(desk));
        Assert.Equal(reply, suggestion.GetProperty("id").GetInt64());
        Assert.Equal(desk.Agent, suggestion.GetProperty("agentId").GetInt64());
        Assert.Equal("Sam Rivera", suggestion.GetProperty("agentName").GetString());
        Assert.Equal(conversation, suggestion.GetProperty("conversationId").GetInt64());
        var evidence = suggestion.GetProperty("evidence");
        Assert.StartsWith("I'm so sorry the stand arrived cracked", evidence.GetProperty("replyQuote").GetString(), StringComparison.Ordinal);
        Assert.Equal(92, evidence.GetProperty("score").GetInt32());
        Assert.Equal(5, evidence.GetProperty("satisfaction").GetInt32());
        Assert.Equal(JsonValueKind.Null, evidence.GetProperty("praise").ValueKind);
    }

    [Fact]
    public async Task A_reply_of_90_or_more_then_praise_by_name_is_suggested_with_the_praising_sentence()
    {
        var desk = await TeamAsync();
        var (_, reply) = await ConversationAsync(desk, score: 95);
        var (other, _) = await ConversationAsync(desk, score: 96);
        await CustomerSaysAsync(other, "Thanks so much, you were brilliant."); // no name: no suggestion

        var (conversation, _) = await ConversationAsync(desk, score: 90);
        await CustomerSaysAsync(conversation, "It arrived this morning. Thanks so much Sam, you were brilliant!");

        var suggestion = Assert.Single(await SuggestionsAsync(desk));
        Assert.NotEqual(reply, suggestion.GetProperty("id").GetInt64());
        var evidence = suggestion.GetProperty("evidence");
        Assert.Equal(90, evidence.GetProperty("score").GetInt32());
        Assert.Equal(JsonValueKind.Null, evidence.GetProperty("satisfaction").ValueKind);
        var praise = evidence.GetProperty("praise");
        Assert.Equal("Thanks so much Sam, you were brilliant!", praise.GetProperty("sentence").GetString());
        Assert.Equal("message", praise.GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_survey_comment_praising_the_agent_by_name_is_a_suggestion_too()
    {
        var desk = await TeamAsync();
        var (conversation, reply) = await ConversationAsync(desk, score: 91);
        await AnswerSurveyAsync(conversation, "4", "Sam was a star, thank you so much for sorting it out before the party.");

        var suggestion = Assert.Single(await SuggestionsAsync(desk));
        Assert.Equal(reply, suggestion.GetProperty("id").GetInt64());
        var praise = suggestion.GetProperty("evidence").GetProperty("praise");
        Assert.Equal("survey", praise.GetProperty("source").GetString());
        Assert.StartsWith("Sam was a star", praise.GetProperty("sentence").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_of_85_is_not_suggested_even_with_a_5_and_praise()
    {
        var desk = await TeamAsync();
        var (conversation, _) = await ConversationAsync(desk, score: 85);
        await CustomerSaysAsync(conversation, "Thanks so much Sam, you were brilliant!");
        await AnswerSurveyAsync(conversation, "5");

        Assert.Empty(await SuggestionsAsync(desk));
    }

    [Fact]
    public async Task An_accepted_suggestion_is_on_the_wall_and_a_second_decision_is_409()
    {
        var desk = await TeamAsync();
        var (conversation, reply) = await ConversationAsync(desk, score: 93);
        await AnswerSurveyAsync(conversation, "5");

        var kudos = await server.PostJsonAsync($"/api/v1/kudos/suggestions/{reply}/accept", new { note = "Lovely calm reply <b>Sam</b>" }, 201);
        Assert.Equal("suggestedAccepted", kudos.GetProperty("source").GetString());
        Assert.Equal("Lovely calm reply <b>Sam</b>", kudos.GetProperty("message").GetString());
        Assert.Empty(await SuggestionsAsync(desk));

        var wall = (await server.GetJsonAsync($"/api/v1/kudos?teamId={desk.Team}")).EnumerateArray().ToArray();
        var card = Assert.Single(wall);
        Assert.Equal(desk.Agent, card.GetProperty("agentId").GetInt64());
        Assert.Equal(reply, card.GetProperty("messageId").GetInt64());
        Assert.StartsWith("I'm so sorry", card.GetProperty("replyQuote").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Conflict, await PostStatusAsync($"/api/v1/kudos/suggestions/{reply}/accept"));
        Assert.Equal(HttpStatusCode.Conflict, await PostStatusAsync($"/api/v1/kudos/suggestions/{reply}/dismiss"));
        Assert.Single((await server.GetJsonAsync($"/api/v1/kudos?agentId={desk.Agent}")).EnumerateArray());
    }

    [Fact]
    public async Task A_dismissed_suggestion_leaves_the_list_and_cannot_then_be_accepted()
    {
        var desk = await TeamAsync();
        var (conversation, reply) = await ConversationAsync(desk, score: 94);
        await AnswerSurveyAsync(conversation, "5");

        Assert.Equal(HttpStatusCode.NoContent, await PostStatusAsync($"/api/v1/kudos/suggestions/{reply}/dismiss"));
        Assert.Empty(await SuggestionsAsync(desk));
        Assert.Equal(HttpStatusCode.Conflict, await PostStatusAsync($"/api/v1/kudos/suggestions/{reply}/accept"));
        Assert.Empty((await server.GetJsonAsync($"/api/v1/kudos?teamId={desk.Team}")).EnumerateArray());
    }

    [Fact]
    public async Task Given_kudos_are_listed_newest_first_with_their_source()
    {
        var desk = await TeamAsync();
        var (conversation, reply) = await ConversationAsync(desk, score: 70);
        await server.PostJsonAsync("/api/v1/kudos", new { agentId = desk.Agent, fromAgentId = desk.Lead, message = "Great save on the cake stand." , messageId = reply }, 201);
        var peer = await server.PostJsonAsync("/api/v1/kudos", new { agentId = desk.Lead, fromAgentId = desk.Agent, message = "Thanks for covering my shift!" }, 201);
        Assert.Equal("peer", peer.GetProperty("source").GetString());

        var wall = (await server.GetJsonAsync($"/api/v1/kudos?teamId={desk.Team}")).EnumerateArray().ToArray();
        Assert.Equal(["Thanks for covering my shift!", "Great save on the cake stand."], wall.Select(k => k.GetProperty("message").GetString()));
        Assert.Equal("lead", wall[1].GetProperty("source").GetString());
        Assert.Equal("Lee Park", wall[1].GetProperty("fromName").GetString());
        Assert.Equal(conversation, wall[1].GetProperty("conversationId").GetInt64());
    }

    [Fact]
    public async Task Bad_input_gets_400_404_and_422_problem_details()
    {
        var desk = await TeamAsync();
        var (conversation, reply) = await ConversationAsync(desk, score: 80);
        Assert.Equal(HttpStatusCode.BadRequest, await PostStatusAsync("/api/v1/kudos", new { fromAgentId = desk.Lead, message = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, await PostStatusAsync("/api/v1/kudos", new { agentId = desk.Agent, fromAgentId = desk.Lead, message = "  " }));
        Assert.Equal(HttpStatusCode.BadRequest, await PostStatusAsync("/api/v1/kudos", new { agentId = desk.Agent, fromAgentId = desk.Lead, message = new string('a', 281) }));
        Assert.Equal(HttpStatusCode.BadRequest, await PostStatusAsync("/api/v1/kudos", new { agentId = desk.Agent, message = "no giver with a key" }));
        Assert.Equal(HttpStatusCode.BadRequest, await PostStatusAsync("/api/v1/kudos", new { agentId = "seven", fromAgentId = desk.Lead, message = "x" }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, await PostStatusAsync("/api/v1/kudos", new { agentId = 999_999, fromAgentId = desk.Lead, message = "x" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await PostStatusAsync("/api/v1/kudos", new { agentId = desk.Agent, fromAgentId = 999_999, message = "x" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await PostStatusAsync("/api/v1/kudos", new { agentId = desk.Agent, fromAgentId = desk.Agent, message = "me!" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await PostStatusAsync("/api/v1/kudos", new { agentId = desk.Lead, fromAgentId = desk.Agent, message = "x", messageId = reply }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await PostStatusAsync("/api/v1/kudos", new { agentId = desk.Agent, fromAgentId = desk.Lead, message = "x", conversationId = 999_999 }));

        Assert.Equal(HttpStatusCode.NotFound, await PostStatusAsync($"/api/v1/kudos/suggestions/{reply}/accept")); // 80: not suggested
        Assert.Equal(HttpStatusCode.NotFound, await PostStatusAsync("/api/v1/kudos/suggestions/999999/dismiss"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostStatusAsync($"/api/v1/kudos/suggestions/{reply}/accept", new { note = new string('a', 281) }));
        using var team = await server.Client.GetAsync(new Uri("/api/v1/kudos/suggestions?teamId=999999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, team.StatusCode);
        using var agent = await server.Client.GetAsync(new Uri("/api/v1/kudos?agentId=999999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, agent.StatusCode);
        Assert.NotEqual(0, conversation);
    }
}

public sealed class KudosTestsOnSqlite(EmptyDeskFixture server) : KudosTests(server), IClassFixture<EmptyDeskFixture>;

public sealed class KudosTestsOnPostgreSql(EmptyDeskPostgreSqlFixture server) : KudosTests(server), IClassFixture<EmptyDeskPostgreSqlFixture>;
