using System.Text.RegularExpressions;
using Rapport.Core.Text;

namespace Rapport.Core.Training;

/// <summary>
/// Reads a scenario's facts and resolution out of an anonymised conversation: an agent's question answered by the
/// customer becomes a fact, the agent's committed next steps become resolution items (docs/training-scenarios.md,
/// "Scenarios from real conversations").
/// </summary>
internal static partial class ConversationMining
{
    /// <summary>Words too generic to reveal a fact or to show that a reply covers a resolution item.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "confirm", "share", "send", "provide", "give", "check", "clarify", "kindly", "mind", "quick", "quickly", "exactly",
        "else", "happened", "sure", "make", "keep", "touch", "update", "updated", "updates", "faq", "email",
        "let", "through", "used", "called", "named", "know", "also", "could", "would", "just", "personally", "myself", "everything", "anything",
        "able", "again", "first", "then", "once", "still", "look", "looked", "looking", "into", "right", "away", "directly",
        "sort", "sorted", "fix", "fixed", "done", "take", "care", "handle", "happy", "glad", "okay", "great", "thanks",
    };

    private static readonly HashSet<string> Dangling = new(StringComparer.OrdinalIgnoreCase) { "and", "or", "but", "so", "the", "a", "an", "to", "at", "of", "in", "on", "with", "for", "by" };

    private static readonly string[] Determiners = ["the", "your", "a", "an", "which", "what", "whose"];

    /// <summary>The content words of <paramref name="text"/> (no placeholders, names or generic words), lower case, first seen first.</summary>
    public static List<string> KeyWords(string text, IReadOnlyList<string> names, int minLength = 3)
    {
        var words = new List<string>();
        foreach (var (start, length) in ContentTokens(text, names, minLength))
        {
            var word = text.Substring(start, length).ToLowerInvariant();
            if (!words.Contains(word))
            {
                words.Add(word);
            }
        }

        return words;
    }

    /// <summary>
    /// The fact topic a question asks about: the question from its first to its last content word, with the
    /// determiner before it ("Could you tell me your order number?" → "your order number"); null when it names nothing.
    /// </summary>
    public static (string Topic, List<string> AskedBy)? Topic(string question, IReadOnlyList<string> names)
    {
        var tokens = ContentTokens(question, names, 3);
        if (tokens.Count == 0)
        {
            return null;
        }

        var askedBy = KeyWords(question, names).Take(4).ToList();
        var (first, _) = tokens[0];
        var (lastStart, lastLength) = tokens[^1];
        var span = question[first..(lastStart + lastLength)];
        if (span.Split(' ').Length > 8)
        {
            // Too long to show: the first clause's words ("Which plan are you on, and what is…" → "the plan").
            var clauseEnd = question.IndexOfAny([',', ';'], first);
            var inClause = tokens.Where(t => clauseEnd < 0 || t.Start < clauseEnd).ToList();
            span = question[first..(inClause[^1].Start + inClause[^1].Length)];
            if (span.Split(' ').Length > 8)
            {
                return ("the " + string.Join(' ', askedBy), askedBy);
            }
        }

        var before = question[..first].TrimEnd().Split(' ');
        var determiner = Determiners.FirstOrDefault(d => d.Equals(before[^1], StringComparison.OrdinalIgnoreCase))?.ToLowerInvariant();
        return ($"{(determiner is null or "which" or "what" or "whose" ? "the" : determiner)} {span}", askedBy);
    }

    /// <summary>
    /// A committed sentence of the agent's in the form that follows "I'll": "I'll send a new one" → "send a new one",
    /// "I've refunded it" → "confirm that I have refunded it", "You'll get it Friday" → "make sure you get it Friday",
    /// "Your refund will…" → "make sure your refund will…"; null for any other sentence.
    /// </summary>
    public static string? Offer(string sentence)
    {
        var text = sentence.TrimEnd('.', '!', '?', ' ');
        string? offer = null;
        if (WillPattern().Match(text) is { Success: true } will)
        {
            offer = will.Groups["rest"].Value;
        }
        else if (HavePattern().Match(text) is { Success: true } have)
        {
            offer = "confirm that I have " + have.Groups["rest"].Value;
        }
        else if (YouWillPattern().Match(text) is { Success: true } you)
        {
            offer = "make sure you " + you.Groups["rest"].Value;
        }
        else if (FuturePattern().IsMatch(text))
        {
            offer = "make sure " + char.ToLowerInvariant(text[0]) + text[1..];
        }

        if (offer is null)
        {
            return null;
        }

        // Long sentences are cut to their first 16 words, without a dangling "and": the offer is a reminder.
        var words = offer.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(16).ToList();
        while (words.Count > 3 && Dangling.Contains(words[^1].TrimEnd(',', ';', ':')))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words).TrimEnd(',', ';', ':', '-', ' ');
    }

    /// <summary>
    /// How the customer names a missing item: the offer up to its first comma, in the customer's words
    /// ("refund the charge to your card" → "whether you'll refund the charge to my card").
    /// </summary>
    public static string Ask(string offer)
    {
        var comma = offer.IndexOfAny([',', ':', ';']);
        var words = (comma > 0 ? offer[..comma] : offer).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var previous = i > 0 ? words[i - 1].ToLowerInvariant() : "";
            words[i] = words[i].ToLowerInvariant() switch
            {
                "i" => "you",
                "i've" => "you've",
                "my" => "your",
                "your" => "my",
                "yours" => "mine",
                "you" => previous is "sure" or "that" or "until" or "when" ? "I" : "me",
                _ => words[i],
            };
        }

        return "whether you'll " + string.Join(' ', words);
    }

    /// <summary>The clauses of <paramref name="text"/>: split at sentence ends, commas, colons, "and" and "but".</summary>
    public static IEnumerable<string> Clauses(string text) =>
        ClauseSplit().Split(text).Select(c => c.Trim()).Where(c => c.Length > 0);

    private static List<(int Start, int Length)> ContentTokens(string text, IReadOnlyList<string> names, int minLength)
    {
        var tokens = new Token[Tokenizer.MaxTokens(text.Length)];
        var count = Tokenizer.Tokenize(text, tokens);
        var found = new List<(int, int)>();
        for (var i = 0; i < count; i++)
        {
            var token = tokens[i];
            var word = text.Substring(token.Start, token.Length);
            var placeholder = token.Start > 0 && text[token.Start - 1] == '[';
            if (token.Kind != TokenKind.Word || token.Length < minLength || placeholder || FunctionWords.Contains(token.Hash)
                || Generic.Contains(word) || names.Any(n => word.Equals(n, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            found.Add((token.Start, token.Length));
        }

        return found;
    }

    [GeneratedRegex(@"[.!?;:,]+\s*|\s+(?:and|but)\s+", RegexOptions.CultureInvariant, 200)]
    private static partial Regex ClauseSplit();

    [GeneratedRegex(@"\b(?:I|we)\s*(?:'ll|’ll|\s+will|'m going to|\s+am going to|'re going to|\s+are going to)\s+(?:also\s+|now\s+|personally\s+)?(?<rest>.{3,})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex WillPattern();

    [GeneratedRegex(@"\b(?:I|we)\s*(?:'ve|’ve|\s+have)\s+(?:just\s+|already\s+|now\s+|also\s+)*(?!been\b)(?<rest>\w+(?:ed|en|t)\b.{3,})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex HavePattern();

    [GeneratedRegex(@"\byou\s*(?:'ll|’ll|\s+will)\s+(?<rest>.{3,})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex YouWillPattern();

    [GeneratedRegex(@"^(?:your|the|it|this|a)\b.*\bwill\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex FuturePattern();
}
