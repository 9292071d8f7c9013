using Rapport.Desk.Conversations;

namespace Rapport.Desk.Customers;

/// <summary>
/// What a conversation is about, for the insight rules: every label of the conversation is a topic, and so is each
/// topic below whose keywords start a word of the subject, a label or a customer message (case-insensitive). The value
/// is the word that matched, quoted in the suggestion's reason.
/// </summary>
internal static class InsightTopics
{
    public const string Refund = "refund";

    // Word beginnings, so "charg" finds charge, charged and charges; phrases are allowed.
    private static readonly (string Topic, string[] Keywords)[] Table =
    [
        (Refund, ["refund", "money back", "charg", "overcharg", "double charg", "billed", "reimburs"]),
        ("delivery", ["deliver", "parcel", "courier", "tracking", "arriv", "shipp", "shipment"]),
        ("account", ["password", "log in", "login", "locked", "sign in"]),
        ("subscription", ["subscription", "renew"]),
        ("exchange", ["exchange", "return", "wrong size"]),
        ("invoice", ["invoice", "vat number"]),
        ("damage", ["damaged", "cracked", "broken"]),
    ];

    public static IReadOnlyDictionary<string, string> Of(Conversation conversation, IEnumerable<InsightMessage> customerMessages)
    {
        var topics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in conversation.Labels)
        {
            topics.TryAdd(label, label);
        }

        Match(conversation.Subject, topics);
        foreach (var label in conversation.Labels)
        {
            Match(label, topics);
        }

        foreach (var message in customerMessages)
        {
            Match(message.Body, topics);
        }

        return topics;
    }

    internal static void Match(string text, Dictionary<string, string> topics)
    {
        foreach (var (topic, keywords) in Table)
        {
            if (topics.ContainsKey(topic))
            {
                continue;
            }

            foreach (var keyword in keywords)
            {
                if (FindWordStart(text, keyword) is { } word)
                {
                    topics[topic] = word;
                    break;
                }
            }
        }
    }

    /// <summary>The whole word (or phrase) of <paramref name="text"/> that begins with <paramref name="keyword"/> at a word start.</summary>
    internal static string? FindWordStart(string text, string keyword)
    {
        var from = 0;
        while (from < text.Length)
        {
            var at = text.IndexOf(keyword, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return null;
            }

            if (at == 0 || !char.IsLetter(text[at - 1]))
            {
                var end = at + keyword.Length;
                while (end < text.Length && char.IsLetter(text[end]))
                {
                    end++;
                }

                return text[at..end].ToLowerInvariant();
            }

            from = at + 1;
        }

        return null;
    }
}
