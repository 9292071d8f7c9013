namespace Rapport.Server.Components.Workspace;

/// <summary>
/// How an emotion label looks in the workspace: a CSS class (colour), an icon and the word itself, so a badge reads
/// without colour; the icon is decorative (hidden from screen readers, which read the word).
/// </summary>
internal sealed record EmotionStyle(string Label, string Word, string Icon, string CssClass)
{
    // Most pressing first, as the inbox orders badges; unknown labels fall back to a neutral badge.
    private static readonly EmotionStyle[] Known =
    [
        new("anger", "Angry", "\u26A1", "emo-anger"),
        new("frustration", "Frustrated", "\u2716", "emo-frustration"),
        new("impatience", "Impatient", "\u25F7", "emo-impatience"),
        new("worry", "Worried", "\u26A0", "emo-worry"),
        new("disappointment", "Disappointed", "\u2193", "emo-disappointment"),
        new("confusion", "Confused", "?", "emo-confusion"),
        new("gratitude", "Grateful", "\u2665", "emo-gratitude"),
        new("relief", "Relieved", "\u2713", "emo-relief"),
        new("neutral", "Neutral", "\u25CF", "emo-neutral"),
    ];

    public static IReadOnlyList<EmotionStyle> All => Known;

    public static EmotionStyle Of(string label) =>
        Array.Find(Known, k => string.Equals(k.Label, label, StringComparison.Ordinal)) ?? new(label, label, "\u25CF", "emo-neutral");

    /// <summary>The labels in display order (most pressing first).</summary>
    public static IReadOnlyList<EmotionStyle> Ordered(IEnumerable<string> labels)
    {
        var set = labels.ToHashSet(StringComparer.Ordinal);
        var known = Known.Where(k => set.Remove(k.Label)).ToList();
        known.AddRange(set.Order(StringComparer.Ordinal).Select(Of));
        return known;
    }

    /// <summary>Rank of the label for sorting (lower is more pressing).</summary>
    public static int Rank(string label)
    {
        var index = Array.FindIndex(Known, k => string.Equals(k.Label, label, StringComparison.Ordinal));
        return index < 0 ? Known.Length : index;
    }
}
