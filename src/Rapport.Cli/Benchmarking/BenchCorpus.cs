using System.Text;

namespace Rapport.Cli.Benchmarking;

/// <summary>
/// A deterministic corpus of realistic, tweet-length customer-support messages (situations × products × emotional
/// tails, from a seeded generator), and a long agent reply for review benchmarks. Shared by <c>rapport bench</c> and
/// bench/Rapport.Benchmarks (linked source), so both measure the same text.
/// </summary>
internal static class BenchCorpus
{
    public const int DefaultSeed = 20_240_601;

    /// <summary>The longest message generated: a tweet.</summary>
    public const int MaxMessageLength = 280;

    private static readonly string[] Brands = ["@ShopNow", "@QuickShip", "@NovaTel", "@BrightBank", "@StreamBox", "@HomeHub"];
    private static readonly string[] Products =
    [
        "order", "phone", "laptop", "headphones", "coffee machine", "subscription", "router", "sofa", "washing machine",
        "smart watch", "gift card", "tablet", "vacuum cleaner", "printer", "running shoes", "TV",
    ];

    private static readonly string[] Openers = ["{brand} ", "Hi {brand}, ", "Hello, ", "{brand} hey, ", "", "Hi there, ", "Good morning, "];

    private static readonly string[] Situations =
    [
        "my {product} arrived damaged and I need it for {day}.",
        "I ordered a {product} {n} days ago and it still hasn't shipped.",
        "I was charged twice for order #{order}.",
        "the {product} stopped working after {n} days.",
        "I can't log in to my account since the last update.",
        "the app keeps crashing whenever I try to pay for my {product}.",
        "how do I return my {product}?",
        "my refund for order #{order} hasn't come through yet.",
        "the driver left my {product} out in the rain.",
        "tracking says my {product} was delivered but there's nothing here.",
        "you sent me the wrong {product}, I ordered the black one.",
        "my {product} is missing a part and the manual doesn't say what to do.",
        "I've been on hold for {n} hours about my {product}.",
        "the {product} I got yesterday works perfectly.",
        "can you change the delivery address for order #{order}?",
    ];

    private static readonly string[][] Tails =
    [
        ["This is absolutely unacceptable!!", "Worst service I've ever had.", "I am FURIOUS.", "Ridiculous. Fix it now."], // anger
        ["This is the third time I'm writing and still nothing works.", "No one is responding to my emails.", "Again?! Same problem every week.", "I keep getting passed around."], // frustration
        ["Really disappointed, I expected better from you.", "Honestly so let down.", "Sad, it was meant to be a gift.", "Not what I paid for."], // disappointment
        ["I'm worried it won't arrive before {day}.", "I'm scared my card details were leaked.", "Is my money safe?", "Nervous this won't get sorted in time."], // worry
        ["I don't understand what I'm supposed to do?", "The instructions make no sense to me.", "What does error {order} even mean??", "Confused, which button do I press?"], // confusion
        ["I need this ASAP.", "How much longer do I have to wait??", "Still waiting after {n} days.", "Please hurry, it's been weeks."], // impatience
        ["Thanks so much for the quick help!", "You guys are amazing, thank you :)", "Really appreciate it 🙏", "Thank you for sorting it so fast."], // gratitude
        ["Phew, it finally works, what a relief.", "So glad that's sorted!", "Relieved it arrived in time 😊", "Finally! All good now."], // relief
        ["Cancel my account.", "I'm switching to another provider.", "Great, just great.", "Thanks for nothing."], // escalation
        ["Please advise.", "Order number is #{order}.", "Let me know what you need from me.", ""], // neutral
    ];

    private static readonly string[] Days = ["Saturday", "Friday", "Monday", "the weekend", "my trip", "Christmas"];

    /// <summary>A deterministic list of <paramref name="count"/> messages (the same for a seed on every machine).</summary>
    public static string[] Messages(int count, int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var messages = new string[count];
        var builder = new StringBuilder(MaxMessageLength + 64);
        for (var i = 0; i < count; i++)
        {
            messages[i] = Message(random, builder);
        }

        return messages;
    }

    /// <summary>One message of the kind <see cref="Messages"/> generates.</summary>
    public static string Message(Random random, StringBuilder builder)
    {
        builder.Clear();
        builder.Append(Pick(random, Openers));
        builder.Append(Pick(random, Situations));
        var tails = random.Next(3); // zero to two emotional tails
        for (var t = 0; t < tails; t++)
        {
            var tail = Pick(random, Pick(random, Tails));
            if (tail.Length > 0)
            {
                builder.Append(' ').Append(tail);
            }
        }

        var text = Fill(builder, random);
        if (text.Length > MaxMessageLength)
        {
            text = text[..text.LastIndexOf(' ', MaxMessageLength - 1)];
        }

        // Capitalise the first letter when the message starts without a handle or greeting.
        return text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    /// <summary>Five customer messages of one conversation, oldest first.</summary>
    public static string[] Conversation(int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder();
        return [.. Enumerable.Range(0, 5).Select(_ => Message(random, builder))];
    }

    /// <summary>
    /// An agent's reply of <paramref name="length"/> characters (1,000 by default) or a few fewer, cut at a word
    /// boundary: greeting, acknowledgement, apology, explanation, steps, alternatives, follow-up and closing.
    /// </summary>
    public static string LongReply(int length = 1000, string name = "Maria")
    {
        string[] sentences =
        [
            $"Hi {name}, thank you for getting in touch and for your patience while we looked into this.",
            "I'm really sorry to hear that your order arrived damaged, and I completely understand how frustrating it is to wait for a replacement when you need it for Saturday.",
            "I've checked order #48213 and I can see the parcel was marked as delivered on Tuesday, so the damage must have happened in transit.",
            "Let me make this right: I have arranged a free replacement that will ship today by express courier, and you'll receive a tracking link by email within the hour.",
            "You don't need to send the damaged item back; please keep it or recycle it.",
            "If you'd prefer a full refund instead, just reply to this message and I'll process it straight away; it usually appears on your statement within three to five working days.",
            "I'll personally keep an eye on the delivery and check in with you on Friday to make sure everything has arrived safely.",
            "Is there anything else about the order, such as the colour or the size, that you would like me to change before it ships?",
            "Thanks again for letting us know, and please don't hesitate to reach out if there's anything else I can help with.",
        ];
        var builder = new StringBuilder(length + 200);
        foreach (var sentence in sentences)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(sentence);
        }

        while (builder.Length <= length)
        {
            builder.Append(' ').Append(sentences[builder.Length % sentences.Length]);
        }

        var text = builder.ToString(0, length + 1);
        return text[..text.LastIndexOf(' ')];
    }

    private static string Fill(StringBuilder builder, Random random)
    {
        builder.Replace("{brand}", Pick(random, Brands))
            .Replace("{product}", Pick(random, Products))
            .Replace("{day}", Pick(random, Days))
            .Replace("{n}", random.Next(2, 15).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{order}", random.Next(10_000, 99_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
