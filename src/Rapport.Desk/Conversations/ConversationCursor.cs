using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Rapport.Desk.Conversations;

/// <summary>
/// Keyset position in the inbox: the sort key and id of the last item of a page. Opaque to clients (base64url of
/// "sort|key|id"), so the encoding can change.
/// </summary>
public sealed record ConversationCursor(ConversationSort Sort, double Key, long Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{(int)Sort}|{Key:R}|{Id}")));

    public static bool TryDecode(string? text, out ConversationCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 200)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split('|');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sort)
            || !Enum.IsDefined((ConversationSort)sort)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var key)
            || !double.IsFinite(key)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        cursor = new ConversationCursor((ConversationSort)sort, key, id);
        return true;
    }
}
