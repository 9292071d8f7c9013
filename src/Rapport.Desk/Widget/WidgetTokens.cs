using Rapport.Desk.Surveys;

namespace Rapport.Desk.Widget;

/// <summary>
/// Widget conversation tokens: the survey tokens' scheme (ADR 0012), 256 random bits as 43 base64url characters of
/// which only the SHA-256 is stored. One scheme to review, so this delegates to <see cref="SurveyTokens"/>.
/// </summary>
public static class WidgetTokens
{
    public const int TokenLength = SurveyTokens.TokenLength;

    public static string NewToken() => SurveyTokens.NewToken();

    /// <summary>Whether <paramref name="token"/> has the shape of a token; says nothing of whether it exists.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> token) => SurveyTokens.IsWellFormed(token);

    public static byte[] Hash(string token) => SurveyTokens.Hash(token);
}
