using System.Globalization;

namespace Rapport.Desk.Conversations;

/// <summary>Writes the reason for a priority in the words an agent would use: "frustrated, third contact this week, waiting 3 h".</summary>
internal static class PriorityReason
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    // Most pressing first: the reason names the strongest feeling only.
    private static readonly (string Label, string Adjective)[] Feelings =
    [
        ("anger", "angry"), ("frustration", "frustrated"), ("impatience", "impatient"), ("worry", "worried"),
        ("disappointment", "disappointed"), ("confusion", "confused"), ("gratitude", "grateful"), ("relief", "relieved"),
    ];

    public const double HighRisk = 0.6;

    public const string NoSignals = "no urgency signals";

    public static string Describe(IReadOnlyList<string> labels, double risk, int otherContacts, int otherContactsThisWeek, TimeSpan? waiting, bool vip)
    {
        var parts = new List<string>(5);
        foreach (var (label, adjective) in Feelings)
        {
            if (labels.Contains(label))
            {
                parts.Add(adjective);
                break;
            }
        }

        if (risk >= HighRisk)
        {
            parts.Add("high escalation risk");
        }

        if (otherContacts > 0)
        {
            var period = otherContactsThisWeek == otherContacts ? "this week" : "this month";
            parts.Add($"{Ordinal(otherContacts + 1)} contact {period}");
        }

        if (waiting is { } w && w >= TimeSpan.FromMinutes(1))
        {
            parts.Add("waiting " + Duration(w));
        }

        if (vip)
        {
            parts.Add("VIP");
        }

        return parts.Count == 0 ? NoSignals : string.Join(", ", parts);
    }

    internal static string Ordinal(int n) =>
        n >= 1 && n <= Ordinals.Length ? Ordinals[n - 1] : n.ToString(CultureInfo.InvariantCulture) + "th";

    internal static string Duration(TimeSpan span) => span switch
    {
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
        { TotalDays: < 2 } => $"{(int)span.TotalHours} h",
        _ => $"{(int)span.TotalDays} d",
    };
}
