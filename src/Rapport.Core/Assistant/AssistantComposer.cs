using System.Text.RegularExpressions;
using Rapport.Core.Coaching;
using Rapport.Core.Composing;

namespace Rapport.Core.Assistant;

/// <summary>
/// Composes the virtual assistant's reply to a customer message from the best knowledge-base passage, with the same
/// empathy the coach asks of people (<see cref="ReplyComposer"/>: acknowledgement matched to the customer's feeling, their
/// name, the passage verbatim), and decides when a person takes over. Without a passage at or above the confidence
/// threshold it says honestly that it has no answer and never invents one. Pure and thread-safe.
/// </summary>
public sealed partial class AssistantComposer(AssistantOptions options)
{
    /// <summary>Offered after an answer, so the customer always knows a person is one message away.</summary>
    public const string OfferOfPerson = "If this doesn't solve it, just reply \"person\" and I'll bring in someone from our team.";

    /// <summary>Said when no passage answers: nothing is guessed.</summary>
    public const string NoAnswer = "I'm sorry, I don't have an answer to that in our help articles, and I'd rather not guess.";

    /// <summary>Said after the first miss: a chance to rephrase, or a person.</summary>
    public const string RephraseOrPerson = "Could you tell me a little more about it? Or reply \"person\" and I'll get someone from our team for you.";

    /// <summary>Said when a person takes over: they read the conversation, so the customer does not repeat themselves.</summary>
    public const string HandingOver = "I'm bringing in a person from our team now. They'll see everything you've written here, so you won't need to repeat yourself.";

    /// <summary>The assistant with the default thresholds (confidence 0.5, escalation risk 0.7).</summary>
    public static AssistantComposer Default { get; } = new(new AssistantOptions());

    /// <summary>The thresholds in use.</summary>
    public AssistantOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Composes the reply to <paramref name="turn"/>'s last customer message and decides on a hand-off.</summary>
    public AssistantReply Reply(AssistantTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.CustomerMessages.Count == 0)
        {
            throw new ArgumentException("The turn needs at least one customer message.", nameof(turn));
        }

        var message = turn.CustomerMessages[^1];
        var answered = turn.Passage is { } p && p.Confidence >= Options.ConfidenceThreshold && !string.IsNullOrWhiteSpace(p.Text);
        var reasons = Reasons(turn, message, answered);
        var handOff = reasons.Count > 0;

        string answer;
        if (answered)
        {
            answer = turn.Passage!.Text.Trim() + "\n\n" + (handOff ? HandingOver : OfferOfPerson);
        }
        else
        {
            answer = NoAnswer + " " + (handOff ? HandingOver : RephraseOrPerson);
        }

        var context = new ReviewContext(turn.CustomerMessages, turn.CustomerName, null, null);
        var composed = ReplyComposer.Default.Compose(context, new ComposeRequest(answer, Seed: turn.Seed, PreviousReplies: turn.PreviousReplies));
        return new AssistantReply(composed.Text, answered, answered ? turn.Passage!.ArticleSlug : null, handOff, reasons, composed.Review);
    }

    /// <summary>The hand-off rules, each independent (docs/knowledge-base.md).</summary>
    private List<HandOffReason> Reasons(AssistantTurn turn, string message, bool answered)
    {
        var reasons = new List<HandOffReason>();
        if (turn.Reading.EscalationRisk >= Options.EscalationThreshold)
        {
            reasons.Add(HandOffReason.HighEscalationRisk);
        }

        if (AsksForPerson().IsMatch(message))
        {
            reasons.Add(HandOffReason.AskedForPerson);
        }

        if (turn.FailedAnswers + (answered ? 0 : 1) >= 2)
        {
            reasons.Add(HandOffReason.FailedTwice);
        }

        if (BillingDispute().IsMatch(message))
        {
            reasons.Add(HandOffReason.BillingDispute);
        }

        if (Security().IsMatch(message))
        {
            reasons.Add(HandOffReason.Security);
        }

        return reasons;
    }

    // Timeouts guard against pathological input, not slow machines: a message is short, but a regex's first match also
    // pays for compiling its matcher, which on a loaded machine took longer than 100 ms.
    [GeneratedRegex(
        @"\b(talk|speak|chat|connect me|put me through)\s+(to|with)\s+(a|an|the|some|your)?\s*(real\s+|actual\s+|live\s+)?(human|person|agent|someone|somebody|manager|supervisor|representative|rep)\b" +
        @"|\b(real|actual|live)\s+(human|person|agent)\b|\b(get|give|want|need)\s+(me\s+)?(a|an)\s+(human|person|agent|manager)\b|^\s*(human|person|agent)\s*(please|pls)?[.!]*\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AsksForPerson();

    [GeneratedRegex(
        @"\b(charge\s*back|chargeback|disput(e|ing|ed)\b|fraud(ulent)?|unauthori[sz]ed\s+(charge|payment|transaction)|(report|reporting)\s+(you|this)\s+to\s+my\s+bank)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BillingDispute();

    [GeneratedRegex(
        @"\b(hack(ed|er|ers)?|someone\s+(got|logged|broke)\s+in(to)?|account\s+(was\s+)?(compromised|taken\s+over)|stolen\s+(card|phone|password|identity)|(card|phone|password)\s+(was|got)\s+stolen|phishing|scam(med)?|identity\s+theft)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Security();
}
