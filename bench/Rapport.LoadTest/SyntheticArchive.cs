using System.Globalization;

namespace Rapport.LoadTest;

/// <summary>One generated conversation: who, where, and its messages oldest first.</summary>
internal sealed record SyntheticConversation(int Customer, string Channel, string Subject, DateTimeOffset Start, IReadOnlyList<SyntheticMessage> Messages, string Status);

/// <summary>One generated message; agent messages carry the index of their reply template (reviewed once per template).</summary>
internal sealed record SyntheticMessage(bool FromCustomer, string Body, DateTimeOffset At, int ReplyTemplate);

/// <summary>
/// A deterministic archive of support conversations for load measurements: the same seed gives the same archive.
/// Customer messages mix the emotions a desk sees (anger, frustration, worry, confusion, impatience, gratitude); agent
/// replies range from robotic to warm. It is synthetic on purpose: the figures measure the desk, not a dataset.
/// </summary>
internal sealed class SyntheticArchive(int seed, DateTimeOffset now)
{
    private static readonly string[] Channels = ["email", "chat", "phone", "social", "web"];

    private static readonly string[] FirstNames =
    [
        "Maria", "James", "Aisha", "Chen", "Olga", "Diego", "Fatima", "Liam", "Noor", "Kenji", "Ama", "Lucas", "Priya",
        "Tom", "Elena", "Omar", "Sofia", "Ivan", "Grace", "Mateo", "Hana", "Samuel", "Leila", "Ben",
    ];

    private static readonly string[] LastNames =
    [
        "Garcia", "Smith", "Khan", "Wei", "Petrova", "Lopez", "Haddad", "Murphy", "Rahman", "Tanaka", "Mensah", "Silva",
        "Patel", "Brown", "Rossi", "Farouk", "Novak", "Ivanov", "Okafor", "Jensen", "Kim", "Dubois", "Moreau", "Cohen",
    ];

    private static readonly string[] Products = ["blender", "router", "headphones", "desk lamp", "coffee machine", "phone case", "laptop stand", "kettle"];

    private static readonly (string Subject, string[] Openers)[] Topics =
    [
        ("Damaged delivery", [
            "My {p} arrived broken and I needed it for {d}. This is really disappointing.",
            "The box was crushed and the {p} inside is cracked. Order {o}. What now?",
            "I am furious. Second time a {p} arrives damaged! Order {o}.",
        ]),
        ("Double charge", [
            "You charged my card twice for order {o}. I want my money back now.",
            "I see two payments of the same amount for order {o}, can you check please?",
            "This is the third time I am writing about the double charge. Nobody answers. Unacceptable!!",
        ]),
        ("Late order", [
            "Where is my order {o}? It was supposed to arrive {d} and still nothing.",
            "I have been waiting for two weeks for my {p}. I'm getting really worried.",
            "Still no {p}. I needed it for {d}. I'm so frustrated with this.",
        ]),
        ("Login problem", [
            "I can't log in since yesterday and I don't understand what I did wrong.",
            "Someone changed my password?? I'm scared my account was hacked.",
            "The reset link does not work. I tried five times. What am I supposed to do?",
        ]),
        ("Question about features", [
            "Hi! Quick question: can the {p} be used with the travel adapter?",
            "I'm confused about the settings, how do I turn on the night mode?",
            "Is there a way to change the delivery address for order {o}?",
        ]),
        ("Thanks", [
            "Thank you so much, the replacement {p} arrived and it works perfectly!",
            "Just wanted to say your colleague was wonderful, problem solved. Thanks!",
            "Great service, really appreciate the quick refund.",
        ]),
    ];

    private static readonly string[] FollowUps =
    [
        "Any news? I'm still waiting.",
        "This is taking far too long. I need an answer today.",
        "Ok, I did what you said but it still does not work.",
        "Thanks, that helps. One more thing: will I get an email confirmation?",
        "Honestly I'm about to cancel my subscription if this is not fixed.",
        "I'm not sure I understand. Which button do you mean?",
        "Perfect, it works now. Thank you!",
        "Why do I have to explain this again? I already sent the photos.",
    ];

    /// <summary>Agent replies from robotic to warm; each is reviewed once (index = template).</summary>
    public static readonly string[] Replies =
    [
        "Return it via the portal.",
        "Please check our FAQ.",
        "Your ticket has been received. We will respond in due course.",
        "Hi, I'm sorry the order arrived damaged. I've sent a replacement today with express delivery; you'll get the tracking number by email within the hour.",
        "I completely understand how frustrating this is, especially with the deadline. I've refunded the second charge myself; it shows on your statement within 3 days. I'll check back on Friday to make sure it arrived.",
        "Thanks for your patience. I've reset the login for you; please try the new link in your inbox, and if it doesn't work, reply here and I'll call you.",
        "I'm sorry you had to write again. That's on us. I've escalated this to our warehouse lead and I'll update you by tomorrow noon.",
        "Night mode is under Settings > Display. Let me know if you'd like me to walk you through it.",
        "We cannot do anything about it.",
        "You're very welcome! I'm so glad it works. Enjoy it, and write any time.",
    ];

    private readonly Random _random = new(seed);

    public static string CustomerName(int index) =>
        FirstNames[index % FirstNames.Length] + " " + LastNames[(index / FirstNames.Length) % LastNames.Length];

    public static string CustomerEmail(int index) => "customer" + index.ToString(CultureInfo.InvariantCulture) + "@example.com";

    /// <summary>Conversation <paramref name="index"/> of <paramref name="customers"/> customers, about <paramref name="messages"/> messages long.</summary>
    public SyntheticConversation Next(int index, int customers, int messages)
    {
        var customer = _random.Next(customers);
        var channel = Channels[_random.Next(Channels.Length)];
        var (subject, openers) = Topics[_random.Next(Topics.Length)];

        // Spread over 90 days; a quarter of the conversations are from the last two days (the live inbox).
        var ageHours = index % 4 == 0 ? _random.NextDouble() * 48 : 48 + (_random.NextDouble() * 24 * 88);
        var start = now - TimeSpan.FromHours(ageHours);
        var status = (index % 20) switch
        {
            < 5 => "Open",
            < 8 => "Pending",
            < 17 => "Resolved",
            _ => "Closed",
        };

        // Open conversations end with a customer message (someone waits); the others with an agent reply.
        var count = Math.Max(2, messages + _random.Next(-2, 3));
        if ((status == "Open") != (count % 2 == 1))
        {
            count++;
        }

        var step = TimeSpan.FromHours(ageHours / (count + 1));
        var list = new List<SyntheticMessage>(count);
        for (var i = 0; i < count; i++)
        {
            var at = start + (step * i);
            if (i % 2 == 0)
            {
                var text = i == 0 ? openers[_random.Next(openers.Length)] : FollowUps[_random.Next(FollowUps.Length)];
                list.Add(new SyntheticMessage(true, Fill(text), at, -1));
            }
            else
            {
                var template = _random.Next(Replies.Length);
                list.Add(new SyntheticMessage(false, Replies[template], at, template));
            }
        }

        return new SyntheticConversation(customer, channel, subject, start, list, status);
    }

    private string Fill(string template) => template
        .Replace("{p}", Products[_random.Next(Products.Length)], StringComparison.Ordinal)
        .Replace("{o}", "#" + _random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{d}", _random.Next(2) == 0 ? "my daughter's birthday" : "a meeting on Monday", StringComparison.Ordinal);
}
