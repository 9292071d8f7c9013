using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Rapport.Desk.Surveys;

/// <summary>
/// Survey tokens: 32 random bytes (256 bits) as unpadded base64url, 43 characters; only their SHA-256 is stored
/// (docs/decisions/0012-survey-tokens.md).
/// </summary>
public static class SurveyTokens
{
    public const int ByteLength = 32;

    /// <summary>Base64url of 32 bytes without padding.</summary>
    public const int TokenLength = 43;

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(ByteLength));

    /// <summary>Whether <paramref name="token"/> has the shape of a token (length and alphabet); says nothing of whether it exists.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> token)
    {
        if (token.Length != TokenLength)
        {
            return false;
        }

        foreach (var ch in token)
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }

    public static byte[] Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return SHA256.HashData(Encoding.ASCII.GetBytes(token));
    }
}
