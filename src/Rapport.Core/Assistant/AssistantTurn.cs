using Rapport.Core.Coaching;
using Rapport.Core.Emotions;

namespace Rapport.Core.Assistant;

/// <summary>The knowledge-base passage retrieval found for the customer's message.</summary>
/// <param name="ArticleSlug">The article's slug.</param>
/// <param name="ArticleTitle">The article's title.</param>
/// <param name="Text">The passage, used verbatim as the answer (its facts and steps are never rewritten).</param>
/// <param name="Confidence">How much of the question the passage covers, 0–1 (the knowledge search's <c>confidence</c>).</param>
public sealed record AssistantPassage(string ArticleSlug, string ArticleTitle, string Text, double Confidence);

/// <summary>One customer message for the assistant to answer.</summary>
/// <param name="CustomerMessages">The customer's messages in this conversation, oldest first; the last is the one to answer.</param>
/// <param name="Reading">The engine's reading of the last message (<see cref="EmotionAnalyzer"/>).</param>
/// <param name="CustomerName">The customer's name, if known.</param>
/// <param name="Passage">The best passage found, if any.</param>
/// <param name="FailedAnswers">How many earlier assistant replies in this conversation had no answer.</param>
/// <param name="Seed">Chooses among phrasings; the same seed gives the same reply.</param>
/// <param name="PreviousReplies">The assistant's earlier replies, whose phrasings are not repeated.</param>
public sealed record AssistantTurn(
    IReadOnlyList<string> CustomerMessages,
    EmotionReading Reading,
    string? CustomerName,
    AssistantPassage? Passage,
    int FailedAnswers = 0,
    int Seed = 0,
    IReadOnlyList<string>? PreviousReplies = null);

/// <summary>Why the assistant hands a conversation to a person.</summary>
public enum HandOffReason
{
    /// <summary>The reading's escalation risk is at or above <see cref="AssistantOptions.EscalationThreshold"/>.</summary>
    HighEscalationRisk,

    /// <summary>The customer asked for a person ("let me talk to a human").</summary>
    AskedForPerson,

    /// <summary>The assistant could not answer twice in this conversation.</summary>
    FailedTwice,

    /// <summary>A billing dispute: chargebacks, disputing a charge with the bank, fraud.</summary>
    BillingDispute,

    /// <summary>Account security: a hacked account, a stolen card or phone, phishing.</summary>
    Security,
}

/// <summary>The assistant's reply and decision.</summary>
/// <param name="Text">The reply to send.</param>
/// <param name="Answered">True when the reply carries a knowledge-base passage (at or above the confidence threshold).</param>
/// <param name="ArticleSlug">The article the answer came from, when answered.</param>
/// <param name="HandOff">True when a person should take over now.</param>
/// <param name="Reasons">Why, when <paramref name="HandOff"/> (possibly several).</param>
/// <param name="Review">The coach's review of <paramref name="Text"/>.</param>
public sealed record AssistantReply(string Text, bool Answered, string? ArticleSlug, bool HandOff, IReadOnlyList<HandOffReason> Reasons, EmpathyReview Review);

/// <summary>The assistant's thresholds.</summary>
/// <param name="ConfidenceThreshold">A passage below this confidence is not used: the assistant says it has no answer.</param>
/// <param name="EscalationThreshold">An escalation risk at or above this hands the conversation to a person.</param>
public sealed record AssistantOptions(double ConfidenceThreshold = 0.5, double EscalationThreshold = 0.7);
