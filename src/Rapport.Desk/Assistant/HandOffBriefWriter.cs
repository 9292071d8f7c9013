using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Rapport.Core.Assistant;
using Rapport.Desk.Conversations;

namespace Rapport.Desk.Assistant;

/// <summary>
/// Writes the hand-off brief from the conversation as stored: the customer's messages with their readings, the
/// assistant's replies with what stood behind them, and the composer's reasons. Pure: the rules are in docs/assistant.md.
/// </summary>
internal static partial class HandOffBriefWriter
{
    private const int MaxRequest = 500;
    private const int MaxQuestion = 300;
    private const int MaxSpecifics = 10;
    private const int MaxEmotions = 4;

    /// <summary>A change in escalation risk at least this large from the first message to the latest is a trend.</summary>
    private const double TrendStep = 0.15;

    /// <param name="subject">The conversation's subject.</param>
    /// <param name="customerName">The customer's name, if known.</param>
    /// <param name="messages">The conversation's messages, oldest first, ending with the hand-off reply (its answer has <c>HandOff</c> set).</param>
    /// <param name="reasons">The composer's reasons.</param>
    /// <param name="thresholds">The thresholds in use (named in the reasons).</param>
    public static HandOffBrief Write(string subject, string? customerName, IReadOnlyList<Message> messages, IReadOnlyList<HandOffReason> reasons, AssistantOptions thresholds)
    {
        var customer = messages.Where(m => m.Author == MessageAuthor.Customer).ToList();
        if (customer.Count == 0)
        {
            throw new ArgumentException("A hand-off follows a customer message.", nameof(messages));
        }

        var needs = Needs(subject, customer);
        var feelings = Feelings(customer);
        var tried = Tried(messages);
        var why = reasons.Select(r => new BriefReason(Json(r), ReasonText(r, customer[^1], thresholds))).ToList();
        return new HandOffBrief(Summary(customerName, needs, feelings, tried, why), needs, feelings, tried, why);
    }

    private static BriefNeeds Needs(string subject, List<Message> customer)
    {
        // The first message that says something ("Hi" or "hello?" is not the request).
        var request = customer.FirstOrDefault(m => Words(m.Body) >= 4) ?? customer[0];
        var latest = customer[^1];
        var specifics = new List<string>();
        foreach (var message in customer)
        {
            foreach (Match match in Specific().Matches(message.Body))
            {
                var value = match.Value.Trim();
                if (specifics.Count < MaxSpecifics && !specifics.Contains(value, StringComparer.OrdinalIgnoreCase))
                {
                    specifics.Add(value);
                }
            }
        }

        return new BriefNeeds(subject, Shorten(request.Body, MaxRequest), ReferenceEquals(latest, request) ? null : Shorten(latest.Body, MaxRequest), specifics);
    }

    private static BriefFeelings Feelings(List<Message> customer)
    {
        var readings = customer.Where(m => m.Reading is not null).Select(m => m.Reading!).ToList();
        var emotions = new List<string>();
        for (var i = readings.Count - 1; i >= 0 && emotions.Count < MaxEmotions; i--)
        {
            foreach (var label in readings[i].Labels.Where(l => l != "neutral" && !emotions.Contains(l)))
            {
                emotions.Add(label);
            }
        }

        if (emotions.Count > MaxEmotions)
        {
            emotions.RemoveRange(MaxEmotions, emotions.Count - MaxEmotions);
        }

        var latest = readings.Count > 0 ? readings[^1] : null;
        var risk = latest?.EscalationRisk ?? 0;
        var peak = readings.Count > 0 ? readings.Max(r => r.EscalationRisk) : 0;
        var first = readings.Count > 0 ? readings[0].EscalationRisk : 0;
        var trend = readings.Count < 2 ? "single" : risk - first >= TrendStep ? "rising" : first - risk >= TrendStep ? "easing" : "steady";

        var words = emotions.Count == 0 ? "No strong emotion read" : Capitalise(JoinAnd(emotions.Select(Adjective)));
        var trendText = trend switch
        {
            "rising" => $"more upset as the conversation went on (escalation risk {F(first)} → {F(risk)} over {customer.Count} messages)",
            "easing" => $"calmer than at first (escalation risk {F(first)} → {F(risk)} over {customer.Count} messages)",
            "steady" => $"about the same across {customer.Count} messages",
            _ => "one message so far",
        };
        var summary = $"{words}; escalation risk {F(risk)}{(risk >= 0.7 ? " (high)" : "")}, intensity {F(latest?.Intensity ?? 0)}; {trendText}.";
        return new BriefFeelings(emotions, latest?.Intensity ?? 0, risk, peak, trend, customer.Count, summary);
    }

    private static List<BriefAttempt> Tried(IReadOnlyList<Message> messages)
    {
        var tried = new List<BriefAttempt>();
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not { Author: MessageAuthor.Assistant, AssistantAnswer: { } answer } reply)
            {
                continue;
            }

            var question = string.Join("\n", messages.Take(i).Reverse().SkipWhile(m => m.Author != MessageAuthor.Customer)
                .TakeWhile(m => m.Author == MessageAuthor.Customer).Reverse().Select(m => m.Body));
            var next = messages.Skip(i + 1).FirstOrDefault(m => m.Author == MessageAuthor.Customer);
            var said = answer.HandOff ? "sentAtHandOff"
                : next is null ? "noReply"
                : CustomerFeedback.SaysItDidNotHelp(next.Body) ? "didNotHelp"
                : CustomerFeedback.SaysItHelped(next.Body, next.Reading?.Labels ?? []) ? "helped"
                : "unclear";
            tried.Add(new BriefAttempt(reply.CreatedAt, Json(answer.Kind), answer.ArticleSlug, answer.ArticleTitle, answer.Confidence, said, Shorten(question, MaxQuestion)));
        }

        return tried;
    }

    private static string ReasonText(HandOffReason reason, Message last, AssistantOptions thresholds) => reason switch
    {
        HandOffReason.HighEscalationRisk =>
            $"High escalation risk: {F(last.Reading?.EscalationRisk ?? 0)} (a person takes over from {F(thresholds.EscalationThreshold)}).",
        HandOffReason.AskedForPerson => $"Asked for a person: \"{Shorten(last.Body, 120)}\".",
        HandOffReason.FailedTwice => "The assistant could not help twice (no answer, or an answer the customer said did not help).",
        HandOffReason.BillingDispute => "A billing dispute (a chargeback, a disputed charge or fraud): a person handles these.",
        HandOffReason.Security => "Account security (a hacked account, a stolen card or phone, phishing): a person handles these.",
        _ => reason.ToString(),
    };

    private static string Summary(string? customerName, BriefNeeds needs, BriefFeelings feelings, List<BriefAttempt> tried, List<BriefReason> why)
    {
        var who = string.IsNullOrWhiteSpace(customerName) ? "The customer" : customerName.Trim();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{who} wrote about \"{needs.Subject}\": \"{Shorten(needs.Request, 160)}\"");
        if (needs.Specifics.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({string.Join(", ", needs.Specifics.Take(4))})");
        }

        text.Append(". ").Append(feelings.Summary);
        var offered = tried.Where(t => t.Kind == "answer").Select(t => $"\"{t.ArticleTitle}\" ({Said(t.CustomerSaid)})").ToList();
        var misses = tried.Count(t => t.Kind == "noAnswer");
        if (offered.Count > 0 || misses > 0)
        {
            var parts = new List<string>(offered);
            if (misses > 0)
            {
                parts.Add(misses == 1 ? "no answer once" : $"no answer {misses} times");
            }

            text.Append(" Tried: ").Append(string.Join("; ", parts)).Append('.');
        }
        else
        {
            text.Append(" Nothing was tried before the hand-off.");
        }

        text.Append(" Handed over because: ").Append(string.Join(" ", why.Select(w => w.Text)));
        return text.ToString();
    }

    private static string Said(string customerSaid) => customerSaid switch
    {
        "helped" => "the customer said it helped",
        "didNotHelp" => "the customer said it did not help",
        "unclear" => "the customer wrote again without saying",
        "sentAtHandOff" => "sent with the hand-off",
        _ => "no reply to it",
    };

    private static string Adjective(string label) => label switch
    {
        "anger" => "angry",
        "frustration" => "frustrated",
        "disappointment" => "disappointed",
        "worry" => "worried",
        "confusion" => "confused",
        "impatience" => "impatient",
        "gratitude" => "grateful",
        "relief" => "relieved",
        _ => label,
    };

    private static string JoinAnd(IEnumerable<string> words)
    {
        var list = words.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Json<TEnum>(TEnum value)
        where TEnum : struct, Enum => DeskJson.CamelCase(value.ToString());

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Shorten(string text, int max)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= max ? trimmed : trimmed[..(max - 1)].TrimEnd() + "…";
    }

    /// <summary>Specifics an agent would otherwise ask for again: order and reference numbers, amounts, dates and durations, e-mail addresses.</summary>
    [GeneratedRegex(
        @"[\w.+-]+@[\w-]+(\.[\w-]+)+" +
        @"|\b(order|ref(erence)?|invoice|ticket|case|tracking|parcel|account)\s*(number|no\.?|#|id)?\s*[:#]?\s*#?(?=[A-Z-]*\d)[A-Z0-9][A-Z0-9-]{3,}\b" +
        @"|#(?=[A-Z-]*\d)[A-Z0-9-]{3,}\b|\b[A-Z]{2,4}-?\d{4,}\b|\b\d{6,}\b" +
        @"|[$€£]\s?\d[\d,]*(\.\d{1,2})?|\b\d[\d,]*(\.\d{1,2})?\s?(€|eur|euros?|usd|dollars?|gbp|pounds?)\b" +
        @"|\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+(minutes?|hours?|days?|weeks?|months?)\b" +
        @"|\b(since\s+|last\s+|on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(yesterday|last\s+week|last\s+month)\b" +
        @"|\b\d{1,2}[/.]\d{1,2}([/.]\d{2,4})?\b|\b\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Specific();
}
