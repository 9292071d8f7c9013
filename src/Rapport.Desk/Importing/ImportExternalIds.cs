using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Rapport.Desk.Conversations;

namespace Rapport.Desk.Importing;

/// <summary>
/// The external id of a line that has none: <c>rapport:</c> and the first 32 hex digits of SHA-256 over the conversation
/// key, the timestamp (UTC, ISO 8601 round-trip), the author and the text, separated by U+0000. The same line always
/// gets the same id, so importing a file twice stores each message once (docs/decisions/0011-import.md).
/// </summary>
public static class ImportExternalIds
{
    public const string Prefix = "rapport:";

    public static string Derive(string conversationKey, DateTimeOffset timestamp, MessageAuthor author, string text)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        ArgumentNullException.ThrowIfNull(text);
        var source = string.Join(
            '\0',
            conversationKey,
            timestamp.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            author.ToString(),
            text);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(source), hash);
        return Prefix + Convert.ToHexStringLower(hash[..16]);
    }
}
