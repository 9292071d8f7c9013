using System.Globalization;
using System.Text.Json;
using Rapport.Cli.Output;

namespace Rapport.Cli.Importing;

/// <summary>
/// Deterministic synthetic support conversations for trying and benchmarking the import: the same seed and count
/// always give the same file. Customers write in varied moods (angry, confused, worried, grateful, repeat contacts)
/// about varied products and problems; agents answer with replies of varied empathy. Written for the project; no
/// real customer text. Every fourth conversation has no external ids, so the server derives them.
/// </summary>
internal sealed class SyntheticConversations(int seed)
{
    private static readonly string[] FirstNames = ["Dana", "Sam", "Alex", "Robin", "Kim", "Lee", "Noor", "Priya", "Jonas", "Marta", "Chen", "Aisha", "Tomás", "Ines", "Yuki", "Omar"];
    private static readonly string[] LastNames = ["Reyes", "Chen", "Okafor", "Schmidt", "Rossi", "Novak", "Haddad", "Larsen", "Silva", "Kowalski", "Tanaka", "Dubois"];
    private static readonly string[] Channels = ["email", "chat", "phone", "social", "web"];
    private static readonly string[] Products = ["kettle", "router", "subscription", "invoice", "order", "account", "laptop", "headphones", "delivery", "refund"];

    private static readonly string[] Openings =
    [
        "This is the third time I'm writing about my {0}. Nothing works and nobody answers. I want a refund NOW!",
        "I am really frustrated. My {0} stopped working after two days and I have a deadline tomorrow.",
        "Hi, I'm a bit confused: how do I set up the {0}? The manual doesn't say and I can't find the option.",
        "I'm worried that my {0} was charged twice this month. Can you please check before my rent is due?",
        "Thanks so much for the quick help with my {0} last week, it works perfectly now! One more question though.",
        "Your app keeps logging me out and I can't see my {0}. This is ridiculous, I've wasted an hour already.",
        "Hello, my {0} arrived damaged. The box was crushed and it won't turn on. What should I do?",
        "I have been waiting for two weeks for my {0}. Still nothing. Is anyone actually reading these messages?",
        "Could you tell me whether the {0} supports a second user? I'd like to share it with my partner.",
        "I'm so disappointed. I recommended you to my friends and now my {0} is broken again.",
    ];

    private static readonly string[] FollowUps =
    [
        "Any update? It's been a day.",
        "I tried that and it still doesn't work.",
        "Thank you, that fixed it!",
        "Seriously? That's the same answer I got last time.",
        "OK, I'll wait, but please hurry.",
        "I don't understand what you mean by resetting it. Which button?",
        "Great, thanks for sorting it out so fast.",
        "If this isn't fixed by Friday I'm cancelling.",
    ];

    private static readonly string[] Replies =
    [
        "I'm really sorry about the trouble with your {0}, {1} — having to write three times is frustrating. I've escalated it and you'll hear from me by 5 pm today.",
        "Thanks for reaching out, {1}. I understand how stressful a broken {0} is before a deadline. I've sent a replacement by express delivery; can you tell me if anything else is urgent?",
        "Please restart the device.",
        "Hi {1}, happy to help! To set up the {0}, open Settings, then Devices, then Add. Does that work for you?",
        "We have received your request and will respond in due course.",
        "I can see the double charge on your {0}, {1}, and I'm sorry for the worry. I've refunded it; it will show within 3 days.",
        "As stated in our terms, this is not covered.",
        "You're welcome, {1}! I'm glad the {0} works now. Let me know if there's anything else.",
    ];

    /// <summary>Writes <paramref name="messages"/> messages as JSON lines.</summary>
    public void WriteJsonLines(Stream output, int messages)
    {
        ArgumentNullException.ThrowIfNull(output);
        var random = new Random(seed);
        var customers = Math.Max(10, messages / 25);
        var start = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        using var writer = new Utf8JsonWriter(output, JsonOutput.Compact);
        var written = 0;
        for (var conversation = 1; written < messages; conversation++)
        {
            var customer = random.Next(customers);
            var name = $"{FirstNames[customer % FirstNames.Length]} {LastNames[customer / FirstNames.Length % LastNames.Length]}";
            var email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{customer}@example.com";
            var channel = Channels[random.Next(Channels.Length)];
            var product = Products[random.Next(Products.Length)];
            var at = start.AddMinutes(conversation * 7 + random.Next(7));
            var length = Math.Min(2 + random.Next(7), messages - written);
            var withIds = conversation % 4 != 0;
            for (var i = 0; i < length; i++)
            {
                // Mostly alternating; sometimes the customer writes twice in a row.
                var author = i == 0 || (i % 2 == 0) || random.Next(6) == 0 ? "customer" : "agent";
                var text = author == "customer"
                    ? i == 0 ? string.Format(CultureInfo.InvariantCulture, Openings[random.Next(Openings.Length)], product) : FollowUps[random.Next(FollowUps.Length)]
                    : string.Format(CultureInfo.InvariantCulture, Replies[random.Next(Replies.Length)], product, name.Split(' ')[0]);
                writer.WriteStartObject();
                writer.WriteString("conversation", $"SYN-{seed}-{conversation:D7}");
                writer.WriteString("customer", name);
                writer.WriteString("customerEmail", email);
                writer.WriteString("author", author);
                writer.WriteString("timestamp", at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                writer.WriteString("channel", channel);
                writer.WriteString("text", text);
                if (withIds)
                {
                    writer.WriteString("externalId", $"SYN-{seed}-{conversation:D7}-{i}");
                }

                writer.WriteEndObject();
                writer.Flush();
                output.WriteByte((byte)'\n');
                writer.Reset();
                at = at.AddMinutes(5 + random.Next(240));
                written++;
            }
        }
    }
}
