using System.Globalization;
using Rapport.Desk.Conversations;

namespace Rapport.Desk.FollowUps;

/// <summary>The follow-up rules that need no database (docs/follow-ups.md); change that page with them.</summary>
public static class FollowUpRules
{
    /// <summary>Escalation risk at or above which a customer counts as upset (the priority reason's "high escalation risk").</summary>
    public const double UpsetRisk = 0.6;

    /// <summary>A reading at or below this valence and at or above <see cref="UpsetIntensity"/> is upset too.</summary>
    public const double UpsetValence = -0.4;

    public const double UpsetIntensity = 0.5;

    /// <summary>
    /// Was the customer upset at close? Read from their last message: high escalation risk, or negative and intense.
    /// </summary>
    /// <returns>The reason in words, or null when not upset (or they never wrote).</returns>
    public static string? Upset(MessageReading? last)
    {
        if (last is null)
        {
            return null;
        }

        if (last.EscalationRisk >= UpsetRisk)
        {
            return string.Create(CultureInfo.InvariantCulture, $"high escalation risk {last.EscalationRisk:0.00} in the customer's last message");
        }

        return last.Valence <= UpsetValence && last.Intensity >= UpsetIntensity
            ? string.Create(CultureInfo.InvariantCulture, $"negative and intense last message (valence {last.Valence:0.00}, intensity {last.Intensity:0.00})")
            : null;
    }

    /// <summary>
    /// The quiet-customer timer of a spell of silence that began at <paramref name="since"/> (the agent's last message):
    /// the reminder is due <paramref name="quietAfter"/> later, and the closing the same delay after the reminder
    /// (<see cref="FollowUpQuietHandler"/> waits <c>DueAt - CreatedAt</c> again). The interceptor starts it at the moment
    /// of the save; the import at the reply's timestamp (docs/import.md).
    /// </summary>
    public static FollowUp QuietSpell(long conversationId, DateTimeOffset since, TimeSpan quietAfter) => new()
    {
        ConversationId = conversationId,
        Kind = FollowUpKind.Quiet,
        State = FollowUpState.Scheduled,
        CreatedAt = since.ToUniversalTime(),
        DueAt = (since + quietAfter).ToUniversalTime(),
    };

    public static string CheckIn(string? customerName, string subject, string surveyUrl) =>
        $"Hi{Name(customerName)}, we are checking back on \"{subject}\": is everything still working as it should? " +
        $"If not, just reply here and we will pick it up straight away. If you have a minute, we would love to hear how we did: {surveyUrl}";

    public static string QuietReminder(string? customerName, int closeAfterHours) =>
        $"Hi{Name(customerName)}, just checking in: we are here whenever you are ready to reply. " +
        $"If we do not hear from you within {Span(closeAfterHours)}, we will close this conversation; writing to us again will reopen it.";

    private static string Name(string? name) => string.IsNullOrWhiteSpace(name) ? "" : " " + name.Trim().Split(' ')[0];

    private static string Span(int hours) =>
        hours % 24 == 0 ? (hours == 24 ? "a day" : $"{hours / 24} days") : (hours == 1 ? "an hour" : $"{hours} hours");
}
