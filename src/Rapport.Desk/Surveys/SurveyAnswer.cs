namespace Rapport.Desk.Surveys;

/// <summary>A validated answer: both ratings 1–5, the comment trimmed (null when blank) and at most <see cref="MaxCommentLength"/>.</summary>
public sealed record SurveyAnswer(int Satisfaction, int FeltUnderstood, string? Comment)
{
    public const int MinRating = 1;
    public const int MaxRating = 5;
    public const int MaxCommentLength = 2000;

    /// <summary>
    /// Reads the form's raw values. Returns the answer, or null with one message per failing field
    /// (<c>satisfaction</c>, <c>understood</c>, <c>comment</c>) in <paramref name="errors"/>.
    /// </summary>
    public static SurveyAnswer? Parse(string? satisfaction, string? understood, string? comment, out IReadOnlyDictionary<string, string> errors)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var s = Rating("satisfaction", satisfaction, "how satisfied you are", found);
        var u = Rating("understood", understood, "whether you felt understood", found);
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text is not null)
        {
            if (text.Length > MaxCommentLength)
            {
                found["comment"] = $"Your comment is {text.Length:N0} characters; please keep it to {MaxCommentLength:N0}.";
            }
            else if (HasControlCharacter(text))
            {
                found["comment"] = "Your comment contains a character that cannot be stored; please remove it.";
            }
        }

        errors = found;
        return found.Count == 0 ? new SurveyAnswer(s, u, text) : null;
    }

    private static int Rating(string field, string? value, string what, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = $"Please choose {what}, from 1 to 5.";
            return 0;
        }

        if (!int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rating)
            || rating is < MinRating or > MaxRating)
        {
            errors[field] = $"Please choose {what} with a number from 1 to 5.";
            return 0;
        }

        return rating;
    }

    // Tabs and line breaks are text; other control characters break exports and logs (as in the API's validation).
    private static bool HasControlCharacter(string text)
    {
        foreach (var ch in text)
        {
            if (ch < ' ' && ch is not '\t' and not '\r' and not '\n')
            {
                return true;
            }
        }

        return false;
    }
}
