using Rapport.Core.Emotions;
using Rapport.Core.Training;
using static Rapport.Core.Training.ConversationAuthor;

namespace Rapport.Core.Tests.Training;

public sealed class ScenarioGeneratorTests
{
    private static readonly ResolvedConversation DamagedOrder = new(
        "Cracked cake stand, party on Saturday",
        "Margaret Hollings",
        ["Priya Raman"],
        "email",
        [
            new(Customer, "Hi, my cake stand arrived cracked right down the middle and I need it for my daughter's birthday party on Saturday! "
                + "This is so frustrating. You can reach me on 07700 900123 or margaret.hollings@example.com."),
            new(Agent, "Hi Margaret, thanks for writing in. Could you tell me the order number and the delivery address, please?"),
            new(Customer, "It's order #48213. Deliver to 14 Elm Street, Apt 2, the same as before. Margaret Hollings"),
            new(Agent, "Thanks Margaret. I'll send a replacement cake stand by express courier today so it arrives by Friday. "
                + "I'll email you the tracking link this afternoon. Best, Priya"),
            new(Customer, "Thank you Priya, that's a huge relief!"),
        ]);

    private static readonly ResolvedConversation DoubleCharge = new(
        "Charged twice this month",
        "Tomasz Wierzbicki",
        ["Oluwaseun Adeyemi"],
        "chat",
        [
            new(Customer, "I've been charged twice for my subscription this month, $49.99 both times. This is ridiculous, I want my money back now."),
            new(Agent, "I understand. What are the last four digits of the card you used?"),
            new(Customer, "The card ends in 4417, the full number is 4417 1234 5678 9113 if you need it. Call me at +1 (503) 555-0199."),
            new(Agent, "Thanks Tomasz. I've refunded the duplicate $49.99 charge to your card. "
                + "You'll see the refund within 3 business days, and I'll send a confirmation email today. See https://billing.example.com/tomasz-w/receipts for details."),
            new(Customer, "Okay, thanks Oluwaseun."),
        ]);

    private static readonly ResolvedConversation ConfusedUser = new(
        "How do I share a project?",
        "Beatrix Okonkwo",
        ["Lars"],
        "chat",
        [
            new(Customer, "Hi, I'm new here and I'm really confused. I can't figure out how to share my project with my team, where is the share button? I'm on www.example.com/u/beatrix/garden-planner"),
            new(Agent, "Please check our FAQ."),
            new(Customer, "I did and I still don't understand."),
            new(Agent, "Sorry about that Beatrix. Which plan are you on, and what is the project called?"),
            new(Customer, "The free plan. The project is called Garden Planner, my email there is bea.okonkwo@mailbox.org."),
            new(Agent, "Got it. I'll walk you through it: open Garden Planner, click the Invite button at the top right and enter your teammates' emails. "
                + "I've also enabled sharing on your free plan, so invitations will work straight away."),
            new(Customer, "Oh that worked, thank you so much!"),
        ]);

    public static TheoryData<string> Conversations => ["damaged", "charge", "confused"];

    private static ResolvedConversation Of(string name) => name switch
    {
        "damaged" => DamagedOrder,
        "charge" => DoubleCharge,
        _ => ConfusedUser,
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public void A_generated_scenario_passes_the_file_rules_and_round_trips_through_json(string name)
    {
        var scenario = ScenarioGenerator.FromConversation(Of(name));

        ScenarioLibrary.Validate(scenario, name);
        var json = ScenarioWriter.ToJson(scenario);
        var back = ScenarioLibrary.Parse(json, $"{scenario.Id}.json");
        ScenarioLibrary.Validate(back, name);
        Assert.Equal(json, ScenarioWriter.ToJson(back));
        Assert.Equal(scenario.Id, back.Id);
        Assert.Equal(scenario.Facts.Select(f => f.AskedBy.Count), back.Facts.Select(f => f.AskedBy.Count));
    }

    [Theory]
    [MemberData(nameof(Conversations))]
    public void No_name_email_phone_card_link_or_address_survives_in_the_generated_json(string name)
    {
        var conversation = Of(name);
        var json = ScenarioWriter.ToJson(ScenarioGenerator.FromConversation(conversation));

        string[] personal =
        [
            .. conversation.CustomerName.Split(' '), .. conversation.AgentNames.SelectMany(n => n.Split(' ')),
            "margaret.hollings", "@example.com", "07700", "900123", "14 Elm", "Elm Street", "Apt 2",
            "9113", "5678", "555-0199", "503", "billing.example.com", "tomasz-w", "bea.okonkwo", "mailbox.org", "example.com", "@",
        ];
        Assert.All(personal, p => Assert.DoesNotContain(p, json, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Anonymisation_uses_placeholders_and_keeps_case_facts()
    {
        var damaged = ScenarioWriter.ToJson(ScenarioGenerator.FromConversation(DamagedOrder));
        var charge = ScenarioWriter.ToJson(ScenarioGenerator.FromConversation(DoubleCharge));

        Assert.Contains("[phone]", damaged, StringComparison.Ordinal);
        Assert.Contains("[email]", damaged, StringComparison.Ordinal);
        Assert.Contains("[address]", damaged, StringComparison.Ordinal);
        Assert.Contains("#48213", damaged, StringComparison.Ordinal); // an order number is a case fact, not personal
        Assert.Contains("[card]", charge, StringComparison.Ordinal);
        Assert.Contains("[phone]", charge, StringComparison.Ordinal);
        Assert.Contains("[link]", ScenarioWriter.ToJson(ScenarioGenerator.FromConversation(ConfusedUser)), StringComparison.Ordinal);
        Assert.Contains("ends in 4417", charge, StringComparison.Ordinal); // the last four digits alone identify nobody
    }

    [Theory]
    [MemberData(nameof(Conversations))]
    public void The_same_conversation_gives_the_same_scenario_and_persona(string name)
    {
        var first = ScenarioGenerator.FromConversation(Of(name));
        var second = ScenarioGenerator.FromConversation(Of(name) with { Messages = [.. Of(name).Messages] });

        Assert.Equal(ScenarioWriter.ToJson(first), ScenarioWriter.ToJson(second));
    }

    [Fact]
    public void Different_conversations_get_different_ids()
    {
        var ids = ((string[])["damaged", "charge", "confused"]).Select(c => ScenarioGenerator.FromConversation(Of(c)).Id).ToHashSet();

        Assert.Equal(3, ids.Count);
        Assert.All(ids, id => Assert.StartsWith("from-conversation-", id, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Conversations))]
    public void An_empathetic_agent_resolves_a_generated_scenario_and_a_robotic_one_does_not(string name)
    {
        var scenario = ScenarioGenerator.FromConversation(Of(name));
        foreach (var seed in (int[])[1, 2, 3])
        {
            var good = Play.Through(scenario, seed, EmpatheticAgent.Reply);
            var bad = Play.Through(scenario, seed, RoboticAgent.Reply);

            Assert.True(good.Outcome == TrainingOutcome.Resolved, $"seed {seed}\n{Play.Transcript(good)}");
            Assert.InRange(good.Turns.Count, 1, scenario.TurnLimit);
            Assert.True(good.ScoreCard().Empathy >= 80, $"seed {seed}: empathy {good.ScoreCard().Empathy}\n{Play.Transcript(good)}");
            Assert.True(bad.Outcome is TrainingOutcome.Escalated or TrainingOutcome.Abandoned, $"seed {seed}\n{Play.Transcript(bad)}");
            Assert.True(bad.ScoreCard().Empathy <= 40, $"seed {seed}: empathy {bad.ScoreCard().Empathy}");
        }
    }

    [Fact]
    public void The_damaged_order_takes_its_feeling_facts_and_resolution_from_the_conversation()
    {
        var scenario = ScenarioGenerator.FromConversation(DamagedOrder);

        Assert.Equal(SupportEmotion.Frustration, scenario.Emotion);
        Assert.True(scenario.AtFault);
        Assert.Contains("cake stand", scenario.Lines[CustomerMove.Opening][0], StringComparison.Ordinal);
        var fact = Assert.Single(scenario.Facts);
        Assert.Contains("order", fact.AskedBy);
        Assert.Contains("#48213", fact.Fact, StringComparison.Ordinal);
        Assert.Equal(2, scenario.Resolution.Count);
        Assert.StartsWith("send a replacement cake stand by express courier", scenario.Resolution[0].Offer, StringComparison.Ordinal);
        Assert.Contains("replacement", scenario.Resolution[0].Keywords);
        Assert.Contains("that's a huge relief", scenario.Lines[CustomerMove.Resolved][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Patience_and_turn_limit_follow_the_starting_intensity()
    {
        foreach (var name in (string[])["damaged", "charge", "confused"])
        {
            var scenario = ScenarioGenerator.FromConversation(Of(name));

            Assert.Equal(Math.Clamp((int)Math.Round(6 - (4 * scenario.Intensity), MidpointRounding.AwayFromZero), 2, 5), scenario.Patience);
            Assert.Equal(scenario.Patience + 5, scenario.TurnLimit);
        }
    }

    [Fact]
    public void The_confused_users_targets_are_the_practices_the_real_agent_missed()
    {
        var scenario = ScenarioGenerator.FromConversation(ConfusedUser);

        Assert.Equal(SupportEmotion.Confusion, scenario.Emotion);
        Assert.Contains(Rapport.Core.Coaching.Practice.AcknowledgesFeeling, scenario.Targets);
    }

    [Fact]
    public void A_stored_reading_is_used_instead_of_reading_the_text_again()
    {
        var calm = EmotionAnalyzer.Default.Analyze("Thanks so much, the new version is great. Quick question about the export button.");
        var conversation = DamagedOrder with { Messages = [DamagedOrder.Messages[0] with { Reading = calm }, .. DamagedOrder.Messages.Skip(1)] };

        var scenario = ScenarioGenerator.FromConversation(conversation);

        Assert.Equal(calm.Dominant, scenario.Emotion);
    }

    [Fact]
    public void FromConversation_RejectsAConversationWithoutAnAgentReply()
    {
        var conversation = DamagedOrder with { Messages = [DamagedOrder.Messages[0]] };

        Assert.Throws<ArgumentException>(() => ScenarioGenerator.FromConversation(conversation));
    }
}

public sealed class ConversationAnonymizerTests
{
    private static ConversationAnonymizer For(string customer = "Margaret Hollings", string agent = "Priya Raman") =>
        new(new ResolvedConversation("Subject", customer, [agent], "email", [new(ConversationAuthor.Customer, "Hello")]));

    [Theory]
    [InlineData("Mail me at m.h+shop@mail.example.co.uk today", "Mail me at [email] today")]
    [InlineData("See https://example.com/a?b=c.", "See [link].")]
    [InlineData("Call 555-123-4567 or +44 20 7946 0958", "Call [phone] or [phone]")]
    [InlineData("Card 4111 1111 1111 1111 was used", "Card [card] was used")]
    [InlineData("Send it to 221B Baker Street, London NW1 6XE", "Send it to [address], London [address]")]
    [InlineData("Order 20418833 and ticket #7781234 on 2024-05-03 for $1249.99", "Order 20418833 and ticket #7781234 on 2024-05-03 for $1249.99")]
    [InlineData("The card ends in 4417", "The card ends in 4417")]
    [InlineData("Use {order} literally", "Use (order) literally")]
    public void Clean_ReplacesContactDetails_AndKeepsCaseFacts(string text, string expected)
    {
        Assert.Equal(expected, For().Clean(text));
    }

    [Fact]
    public void Clean_ReplacesNamesWithStablePseudonyms()
    {
        var first = For();
        var cleaned = first.Clean("MARGARET here. Priya said Ms Hollings' order is fine. Margaret Hollings");

        Assert.DoesNotContain("margaret", cleaned, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hollings", cleaned, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("priya", cleaned, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(first.CustomerName, cleaned, StringComparison.Ordinal);
        Assert.Equal(first.CustomerName, For().CustomerName);
    }

    [Fact]
    public void Clean_LeavesNamesThatAreCommonWordsAlone()
    {
        var cleaned = For(customer: "Will Turner").Clean("I will wait. Turner here.");

        Assert.StartsWith("I will wait.", cleaned, StringComparison.Ordinal);
        Assert.DoesNotContain("Turner", cleaned, StringComparison.Ordinal);
    }
}
