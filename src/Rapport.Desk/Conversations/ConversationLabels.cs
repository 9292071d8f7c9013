namespace Rapport.Desk.Conversations;

/// <summary>
/// Conversation labels ("refund", "delivery"): trimmed, lowercase, at most <see cref="MaxCount"/> of at most
/// <see cref="MaxLength"/> characters, no control characters, no duplicates. The inbox filters by exact label.
/// </summary>
public static class ConversationLabels
{
    public const int MaxCount = 20;
    public const int MaxLength = 40;

    /// <summary>The label as stored (trimmed, lowercase), or null with <paramref name="error"/> saying why it is refused.</summary>
    public static string? Normalize(string? label, out string? error)
    {
        var trimmed = label?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            error = "A label must not be empty.";
            return null;
        }

        if (trimmed.Length > MaxLength)
        {
            error = $"A label is at most {MaxLength} characters; this one is {trimmed.Length}.";
            return null;
        }

        foreach (var ch in trimmed)
        {
            if (char.IsControl(ch))
            {
                error = $"A label must not contain control characters (U+{(int)ch:X4}).";
                return null;
            }
        }

        error = null;
        return trimmed.ToLowerInvariant();
    }
}
