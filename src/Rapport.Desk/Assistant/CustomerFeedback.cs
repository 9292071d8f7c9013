using System.Text.RegularExpressions;

namespace Rapport.Desk.Assistant;

/// <summary>
/// What a customer's message says about the assistant's previous answer: it helped ("thanks, that worked"), it did not
/// ("that didn't help", "still not working"), or neither. Read by the hand-off brief (what was tried and how it went),
/// by "failed twice" (an answer the customer rejects is a miss) and by the closing reply to a thank-you.
/// </summary>
internal static partial class CustomerFeedback
{
    /// <summary>A thank-you this long or longer is probably a new question too.</summary>
    private const int MaxThanksLength = 200;

    public static bool SaysItDidNotHelp(string text) => NotHelped().IsMatch(text);

    /// <summary>
    /// The question left once "that didn't help" and the like are taken out; null when hardly anything is left (fewer
    /// than two words), because retrieval on a word or two ("that") finds whatever contains it, confidently.
    /// </summary>
    public static string? QuestionWithoutFeedback(string text)
    {
        var rest = NotHelped().Replace(text, " ");
        return rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit)) >= 2 ? rest : null;
    }

    /// <param name="text">The customer's message.</param>
    /// <param name="labels">Its reading's emotion labels (wire names).</param>
    public static bool SaysItHelped(string text, IEnumerable<string> labels) =>
        !SaysItDidNotHelp(text) && (Helped().IsMatch(text) || labels.Any(l => l is "gratitude" or "relief"));

    /// <summary>A short message that only thanks (no question, no complaint): the answer did its job.</summary>
    public static bool OnlyThanks(string text, IEnumerable<string> labels)
    {
        var read = labels.ToList();
        return text.Length <= MaxThanksLength && !text.Contains('?', StringComparison.Ordinal)
            && read.All(l => l is "gratitude" or "relief" or "neutral")
            && SaysItHelped(text, read);
    }

    [GeneratedRegex(
        @"\b(did\s*n[o']?t|does\s*n[o']?t|do\s*n[o']?t|not|never|won'?t)\s+(really\s+)?(help|work|answer|solve|fix)" +
        @"|\b(still|again)\s+(not|no|can'?t|cannot|does\s*n'?t|is\s*n'?t|won'?t|broken|waiting|missing|nothing|have\s*n'?t|has\s*n'?t)\b" +
        @"|\bnot\s+what\s+i\s+(asked|meant|need|needed|wanted)\b|\b(useless|pointless|no\s+help|same\s+problem|wrong\s+answer)\b|\bthat'?s\s+not\s+(it|right)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NotHelped();

    [GeneratedRegex(
        @"\b(that|this|it)\s+(helped|helps|worked|works|solved|fixed|did\s+it|answers)\b|\b(thanks|thank\s+you|thx|cheers|perfect|brilliant|awesome|got\s+it|all\s+sorted|sorted|works\s+now)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Helped();
}
