namespace Rapport.Desk.Assistant;

/// <summary>
/// What the agent reads first when the assistant hands a conversation over, so the customer never has to repeat
/// themselves: what they need, how they feel, what the assistant tried, and why a person takes over (docs/assistant.md).
/// </summary>
/// <param name="Summary">The brief in two or three sentences.</param>
/// <param name="Needs">What the customer needs.</param>
/// <param name="Feelings">How they feel.</param>
/// <param name="Tried">The assistant's replies, oldest first, and what the customer said about each.</param>
/// <param name="Why">Why it was handed off (one or more reasons).</param>
public sealed record HandOffBrief(string Summary, BriefNeeds Needs, BriefFeelings Feelings, IReadOnlyList<BriefAttempt> Tried, IReadOnlyList<BriefReason> Why);

/// <param name="Subject">The conversation's subject.</param>
/// <param name="Request">The customer's request in their own words: their first message that says something (shortened past 500 characters).</param>
/// <param name="Latest">Their latest message, when it is not the request.</param>
/// <param name="Specifics">Order and reference numbers, amounts, dates and durations, e-mail addresses they mentioned, first seen first.</param>
public sealed record BriefNeeds(string Subject, string Request, string? Latest, IReadOnlyList<string> Specifics);

/// <param name="Emotions">The emotions read in their messages (wire names, latest message's first; no "neutral").</param>
/// <param name="Intensity">The latest message's intensity (0–1).</param>
/// <param name="EscalationRisk">The latest message's escalation risk (0–1).</param>
/// <param name="PeakEscalationRisk">The highest escalation risk across their messages.</param>
/// <param name="Trend"><c>rising</c>, <c>easing</c> or <c>steady</c> (escalation risk from their first message to their latest), or <c>single</c> for one message.</param>
/// <param name="Messages">How many messages the customer wrote.</param>
/// <param name="Summary">The same in words.</param>
public sealed record BriefFeelings(IReadOnlyList<string> Emotions, double Intensity, double EscalationRisk, double PeakEscalationRisk, string Trend, int Messages, string Summary);

/// <param name="At">When the assistant replied.</param>
/// <param name="Kind"><c>answer</c>, <c>noAnswer</c> or <c>closing</c>.</param>
/// <param name="ArticleSlug">The article offered (for an answer), or the best one found below the threshold (for a miss), if any.</param>
/// <param name="ArticleTitle">Its title.</param>
/// <param name="Confidence">Retrieval's confidence in it (0–1).</param>
/// <param name="CustomerSaid"><c>helped</c>, <c>didNotHelp</c>, <c>unclear</c> (wrote again without saying), <c>noReply</c>, or <c>sentAtHandOff</c> (the hand-off reply itself).</param>
/// <param name="Question">The customer's words it replied to (shortened past 300 characters).</param>
public sealed record BriefAttempt(DateTimeOffset At, string Kind, string? ArticleSlug, string? ArticleTitle, double Confidence, string CustomerSaid, string Question);

/// <param name="Code">The reason's wire name (<c>highEscalationRisk</c>, <c>askedForPerson</c>, <c>failedTwice</c>, <c>billingDispute</c>, <c>security</c>).</param>
/// <param name="Text">The reason in words.</param>
public sealed record BriefReason(string Code, string Text);
