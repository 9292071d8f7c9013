using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Core.Assistant;
using static Rapport.Server.Tests.Assistant.AssistantDesk;

namespace Rapport.Server.Tests.Assistant;

/// <summary>The assistant on the chat channel of the demo desk (its 55 help articles), through the API.</summary>
public abstract class AssistantTests(ServerFixture server)
{
    private readonly AssistantDesk _desk = new(server);

    [Fact]
    public async Task A_chat_question_is_answered_warmly_with_the_right_articles_passage_verbatim()
    {
        const string Question = "How long does a refund take to reach my card?";
        var started = await _desk.StartAsync(Question);

        var reply = Assert.Single(AssistantMessages(started));
        var answer = Answer(reply);
        Assert.Equal("answer", answer.GetProperty("kind").GetString());
        Assert.Equal("refund-timing", answer.GetProperty("articleSlug").GetString());
        Assert.InRange(answer.GetProperty("confidence").GetDouble(), 0.5, 1);
        Assert.False(answer.GetProperty("generated").GetBoolean());
        Assert.False(answer.GetProperty("handOff").GetBoolean());

        // The passage retrieval returns is in the reply unchanged, with the customer's name and the offer of a person.
        var search = await server.GetJsonAsync($"/api/v1/knowledge/search?q={Uri.EscapeDataString(Question)}&limit=1");
        var passage = search.GetProperty("results")[0].GetProperty("passage").GetProperty("text").GetString()!;
        var body = reply.GetProperty("body").GetString()!;
        Assert.Contains(passage.Trim(), body, StringComparison.Ordinal);
        Assert.Contains("Maria", body, StringComparison.Ordinal);
        Assert.Contains(AssistantComposer.OfferOfPerson, body, StringComparison.Ordinal);

        // Answered: nobody waits, the conversation waits on the customer, and no person was brought in.
        var conversation = started.GetProperty("conversation");
        Assert.Equal("pending", conversation.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, conversation.GetProperty("waitingSince").ValueKind);
        Assert.Equal(JsonValueKind.Null, conversation.GetProperty("assigneeId").ValueKind);
        Assert.Equal(JsonValueKind.Null, started.GetProperty("handOff").ValueKind);

        // A follow-up question through the messages endpoint: the reply is in the response.
        var posted = await _desk.SayAsync(Id(started), "And how do I reset my password?");
        Assert.Equal("reset-password", Answer(posted.GetProperty("assistantReply")).GetProperty("articleSlug").GetString());
        Assert.Equal(4, (await _desk.DetailAsync(Id(started))).GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task Nothing_in_the_knowledge_base_matches_so_the_assistant_says_it_does_not_know()
    {
        var started = await _desk.StartAsync("Do you sell replacement parts for a 1970s typewriter?");

        var reply = Assert.Single(AssistantMessages(started));
        Assert.Equal("noAnswer", Answer(reply).GetProperty("kind").GetString());
        var body = reply.GetProperty("body").GetString()!;
        Assert.Contains(AssistantComposer.NoAnswer, body, StringComparison.Ordinal);
        Assert.Contains(AssistantComposer.RephraseOrPerson, body, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, started.GetProperty("handOff").ValueKind);
        Assert.Equal(JsonValueKind.Null, started.GetProperty("conversation").GetProperty("assigneeId").ValueKind);
    }

    [Fact]
    public async Task An_angry_customer_is_handed_to_a_person_assigned_by_priority_with_a_brief()
    {
        var started = await _desk.StartAsync(
            "This is RIDICULOUS!!! Third time I'm writing about order #A12345 and NOBODY answers. I'm done with you, I want my money back NOW or I'm leaving a review everywhere.",
            subject: "Order never arrived", name: "Chris Angry");
        var id = Id(started);

        var handOff = started.GetProperty("handOff");
        Assert.Contains("highEscalationRisk", Reasons(handOff));
        var reply = Assert.Single(AssistantMessages(started));
        Assert.True(Answer(reply).GetProperty("handOff").GetBoolean());
        Assert.Contains(AssistantComposer.HandingOver, reply.GetProperty("body").GetString(), StringComparison.Ordinal);

        // Assigned to an agent (not an admin) and left open and waiting: a person owes the customer a reply.
        var conversation = started.GetProperty("conversation");
        var assignee = conversation.GetProperty("assigneeId").GetInt64();
        Assert.Equal(assignee, handOff.GetProperty("agentId").GetInt64());
        Assert.NotEqual("admin", (await server.GetJsonAsync($"/api/v1/agents/{assignee}")).GetProperty("role").GetString());
        Assert.Contains("lightest load", handOff.GetProperty("assignment").GetString(), StringComparison.Ordinal);
        Assert.Equal("open", conversation.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, conversation.GetProperty("waitingSince").ValueKind);
        Assert.True(conversation.GetProperty("priority").GetDouble() >= 40, "an angry, waiting customer ranks high");

        // The brief: what they need in their own words with the specifics, how they feel, why a person.
        var brief = handOff.GetProperty("brief");
        Assert.Contains("Third time I'm writing", brief.GetProperty("needs").GetProperty("request").GetString(), StringComparison.Ordinal);
        Assert.Contains(brief.GetProperty("needs").GetProperty("specifics").EnumerateArray(), s => s.GetString()!.Contains("A12345", StringComparison.Ordinal));
        var feelings = brief.GetProperty("feelings");
        Assert.Contains("anger", feelings.GetProperty("emotions").EnumerateArray().Select(e => e.GetString()));
        Assert.True(feelings.GetProperty("escalationRisk").GetDouble() >= 0.7);
        Assert.Equal("single", feelings.GetProperty("trend").GetString());
        Assert.Contains(brief.GetProperty("why").EnumerateArray(), w => w.GetProperty("code").GetString() == "highEscalationRisk");
        Assert.Contains("Chris Angry", brief.GetProperty("summary").GetString(), StringComparison.Ordinal);

        // The same hand-off from its own endpoint and in the conversation.
        var got = await server.GetJsonAsync($"/api/v1/conversations/{id}/handoff");
        Assert.Equal(brief.GetProperty("summary").GetString(), got.GetProperty("brief").GetProperty("summary").GetString());
        Assert.Equal(handOff.GetProperty("agentName").GetString(), (await _desk.DetailAsync(id)).GetProperty("handOff").GetProperty("agentName").GetString());
    }

    [Fact]
    public async Task Asking_for_a_human_hands_off_after_an_answer_and_the_brief_lists_the_answer()
    {
        var started = await _desk.StartAsync("How do I reset my password?", name: "Robin Human");
        Assert.Equal("answer", Answer(Assert.Single(AssistantMessages(started))).GetProperty("kind").GetString());

        var posted = await _desk.SayAsync(Id(started), "let me talk to a human");
        var handOff = posted.GetProperty("handOff");
        Assert.Contains("askedForPerson", Reasons(handOff));
        Assert.Equal(posted.GetProperty("conversation").GetProperty("assigneeId").GetInt64(), handOff.GetProperty("agentId").GetInt64());
        var tried = handOff.GetProperty("brief").GetProperty("tried");
        Assert.Equal("reset-password", tried[0].GetProperty("articleSlug").GetString());
        Assert.Equal("unclear", tried[0].GetProperty("customerSaid").GetString());
        Assert.Equal("sentAtHandOff", tried[tried.GetArrayLength() - 1].GetProperty("customerSaid").GetString());
        Assert.Contains("let me talk to a human", handOff.GetProperty("brief").GetProperty("why")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_misses_hand_off()
    {
        var started = await _desk.StartAsync("Do you sell replacement parts for a 1970s typewriter?", name: "Sam Typewriter");
        Assert.Equal(JsonValueKind.Null, started.GetProperty("handOff").ValueKind);

        var posted = await _desk.SayAsync(Id(started), "Olivetti typewriter ribbons, do you stock them?");
        Assert.Equal("noAnswer", Answer(posted.GetProperty("assistantReply")).GetProperty("kind").GetString());
        Assert.Equal(["failedTwice"], Reasons(posted.GetProperty("handOff")));
        var tried = posted.GetProperty("handOff").GetProperty("brief").GetProperty("tried");
        Assert.Equal(["noAnswer", "noAnswer"], tried.EnumerateArray().Select(t => t.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task An_answer_the_customer_rejects_counts_as_a_miss_and_the_brief_says_what_was_tried_and_how_they_feel()
    {
        var started = await _desk.StartAsync("Hi, I was charged twice for order 4417, £49.99 taken two times on Monday.", subject: "Charged twice", name: "Maria Double");
        var first = Answer(Assert.Single(AssistantMessages(started)));
        Assert.Equal("double-charge", first.GetProperty("articleSlug").GetString());

        // "That didn't help": the same article is not offered again, nothing else answers, and the second miss hands off.
        var posted = await _desk.SayAsync(Id(started), "That didn't help, the second payment is still on my card and I'm getting really annoyed.");
        var handOff = posted.GetProperty("handOff");
        Assert.Contains("failedTwice", Reasons(handOff));

        var brief = handOff.GetProperty("brief");
        var needs = brief.GetProperty("needs");
        Assert.Equal("Charged twice", needs.GetProperty("subject").GetString());
        Assert.StartsWith("Hi, I was charged twice for order 4417", needs.GetProperty("request").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("That didn't help", needs.GetProperty("latest").GetString(), StringComparison.Ordinal);
        var specifics = needs.GetProperty("specifics").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("order 4417", specifics);
        Assert.Contains("£49.99", specifics);
        Assert.Contains(specifics, s => s!.Contains("Monday", StringComparison.Ordinal));

        var feelings = brief.GetProperty("feelings");
        Assert.Contains("frustration", feelings.GetProperty("emotions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, feelings.GetProperty("messages").GetInt32());
        Assert.Contains(feelings.GetProperty("trend").GetString(), new[] { "rising", "steady", "easing" });
        Assert.Contains("Frustrated", feelings.GetProperty("summary").GetString(), StringComparison.Ordinal);

        var tried = brief.GetProperty("tried");
        Assert.Equal("double-charge", tried[0].GetProperty("articleSlug").GetString());
        Assert.Equal("didNotHelp", tried[0].GetProperty("customerSaid").GetString());
        Assert.Contains("charged twice", tried[0].GetProperty("question").GetString(), StringComparison.Ordinal);
        Assert.Equal("noAnswer", tried[1].GetProperty("kind").GetString());
        Assert.Contains("did not help", brief.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thank_you_after_an_answer_gets_a_closing_not_a_miss()
    {
        var started = await _desk.StartAsync("How do I reset my password?", name: "Kim Thanks");
        var posted = await _desk.SayAsync(Id(started), "Thanks, that worked!");
        Assert.Equal("closing", Answer(posted.GetProperty("assistantReply")).GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, posted.GetProperty("handOff").ValueKind);
        Assert.Contains("glad that sorted it out", posted.GetProperty("assistantReply").GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_hand_off_and_once_a_person_is_involved_the_assistant_is_silent()
    {
        var started = await _desk.StartAsync("let me talk to a human", name: "Lee Silent");
        Assert.NotEqual(JsonValueKind.Null, started.GetProperty("handOff").ValueKind);
        var posted = await _desk.SayAsync(Id(started), "How do I reset my password?");
        Assert.Equal(JsonValueKind.Null, posted.GetProperty("assistantReply").ValueKind);
        Assert.Single(AssistantMessages(await _desk.DetailAsync(Id(started))));

        // Assigned by a person before the assistant said anything: silent.
        var customer = await _desk.CustomerAsync("Lee Assigned");
        var opened = await server.PostJsonAsync("/api/v1/conversations", new { customerId = customer, channel = "chat", subject = "Password" }, 201);
        var agent = (await server.GetJsonAsync("/api/v1/agents")).GetProperty("items")[0].GetProperty("id").GetInt64();
        using (var assign = await server.Client.PutAsJsonAsync(new Uri($"/api/v1/conversations/{Id(opened)}/assignee", UriKind.Relative), new { agentId = agent }))
        {
            Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        }

        Assert.Equal(JsonValueKind.Null, (await _desk.SayAsync(Id(opened), "How do I reset my password?")).GetProperty("assistantReply").ValueKind);

        // An agent replied: silent.
        var answered = await _desk.StartAsync("How do I reset my password?", name: "Lee Answered");
        await server.PostJsonAsync($"/api/v1/conversations/{Id(answered)}/messages", new { author = "agent", body = "Hi Lee, I'm on it." }, 201);
        Assert.Equal(JsonValueKind.Null, (await _desk.SayAsync(Id(answered), "And how do I change my e-mail address?")).GetProperty("assistantReply").ValueKind);
    }

    [Fact]
    public async Task The_assistant_does_not_answer_channels_it_is_not_enabled_for()
    {
        var started = await _desk.StartAsync("How do I reset my password?", channel: "email", name: "Pat Email");
        Assert.Empty(AssistantMessages(started));
        Assert.Equal("open", started.GetProperty("conversation").GetProperty("status").GetString());
        var posted = await _desk.SayAsync(Id(started), "let me talk to a human");
        Assert.Equal(JsonValueKind.Null, posted.GetProperty("assistantReply").ValueKind);
        Assert.Equal(JsonValueKind.Null, posted.GetProperty("handOff").ValueKind);

        using var missing = await server.Client.GetAsync(new Uri($"/api/v1/conversations/{Id(started)}/handoff", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

public sealed class AssistantTestsOnSqlite(DemoDeskFixture server) : AssistantTests(server), IClassFixture<DemoDeskFixture>;

public sealed class AssistantTestsOnPostgreSql(DemoDeskPostgreSqlFixture server) : AssistantTests(server), IClassFixture<DemoDeskPostgreSqlFixture>;
