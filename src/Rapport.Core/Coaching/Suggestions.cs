using Rapport.Core.Emotions;

namespace Rapport.Core.Coaching;

/// <summary>Suggestions written for this customer: their name, their feeling, their own words reflected back.</summary>
internal static class Suggestions
{
    public static string FeelingWord(SupportEmotion feeling) => feeling switch
    {
        SupportEmotion.Anger => "anger",
        SupportEmotion.Frustration => "frustration",
        SupportEmotion.Disappointment => "disappointment",
        SupportEmotion.Worry => "worry",
        SupportEmotion.Confusion => "confusion",
        SupportEmotion.Impatience => "wait",
        SupportEmotion.Gratitude => "thanks",
        SupportEmotion.Relief => "relief",
        _ => "feelings",
    };

    /// <summary>An acknowledgement of <paramref name="feeling"/>, mentioning the detail when there is one.</summary>
    public static string Acknowledgement(SupportEmotion feeling, string? detail) => IsGerundPhrase(detail)
        ? GerundAcknowledgement(feeling, detail!)
        : (feeling, detail) switch
    {
        (SupportEmotion.Anger, not null) => $"I completely understand why you're upset that {detail}.",
        (SupportEmotion.Anger, null) => "I completely understand why you're upset, and you have every right to be.",
        (SupportEmotion.Frustration, not null) => $"I can see how frustrating it is that {detail}.",
        (SupportEmotion.Frustration, null) => "I can see how frustrating this has been.",
        (SupportEmotion.Disappointment, not null) => $"I can imagine how disappointing it is that {detail}.",
        (SupportEmotion.Disappointment, null) => "I can imagine how disappointing this is.",
        (SupportEmotion.Worry, not null) => $"I understand how worrying it is that {detail}.",
        (SupportEmotion.Worry, null) => "I understand how worrying this is.",
        (SupportEmotion.Confusion, _) => "I can see how confusing this is, and I'm happy to walk you through it.",
        (SupportEmotion.Impatience, not null) => $"I know you've been waiting, and I understand how frustrating it is that {detail}.",
        (SupportEmotion.Impatience, null) => "I know you've been waiting far too long, and I understand how frustrating that is.",
        (SupportEmotion.Gratitude, not null) => $"I'm so glad that {detail}, and thank you for your kind words.",
        (SupportEmotion.Gratitude, null) => "Thank you so much for your kind words.",
        (SupportEmotion.Relief, not null) => $"I'm so glad to hear that {detail}.",
        (SupportEmotion.Relief, null) => "I'm so glad to hear that everything is working now.",
        _ => "I understand.",
    };

    public static string Apology(string? detail) =>
        detail is null ? "I'm sorry about this." : IsGerundPhrase(detail) ? $"I'm sorry about {detail}." : $"I'm sorry that {detail}.";

    /// <summary>
    /// A detail that opens with a gerund ("following up on the billing error") names an activity, not a clause, so it
    /// cannot follow "it is that": "how frustrating following up on the billing error has been" reads as English.
    /// </summary>
    internal static bool IsGerundPhrase(string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return false;
        }

        var end = detail.IndexOf(' ', StringComparison.Ordinal);
        var first = end < 0 ? detail : detail[..end];
        return first.Length > 4
            && first.EndsWith("ing", StringComparison.OrdinalIgnoreCase)
            && !first.EndsWith("thing", StringComparison.OrdinalIgnoreCase)
            && !first.Equals("during", StringComparison.OrdinalIgnoreCase);
    }

    private static string GerundAcknowledgement(SupportEmotion feeling, string detail) => feeling switch
    {
        SupportEmotion.Anger => $"I completely understand why {detail} has upset you.",
        SupportEmotion.Frustration => $"I can see how frustrating {detail} has been.",
        SupportEmotion.Disappointment => $"I can imagine how disappointing {detail} has been.",
        SupportEmotion.Worry => $"I understand how worrying {detail} is.",
        SupportEmotion.Impatience => $"I know you've been waiting, and I understand how frustrating {detail} has been.",
        _ => Acknowledgement(feeling, null),
    };

    public static string Greeting(string? firstName) => firstName is null ? "Hi there," : $"Hi {firstName},";

    public static string Thanks(CustomerFacts customer) => customer.Reading.Has(SupportEmotion.Impatience)
        ? "Thank you for your patience."
        : customer.OnlyPositive ? "Thank you for taking the time to write to us." : "Thank you for letting us know.";

    public static string ClarifyingQuestion(CustomerFacts customer) => customer.Specifics.Count > 0
        ? $"Could you tell me a little more about what happens with the {customer.Specifics[0]}?"
        : "Could you tell me a little more about what happens when you try?";

    public const string Ownership = "Let me take care of this for you.";

    public const string FollowUp = "I'll keep you updated until this is fully resolved.";

    public const string Closing = "If there's anything else I can do, just reply to this message.";
}
