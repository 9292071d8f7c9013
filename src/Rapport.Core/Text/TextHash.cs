namespace Rapport.Core.Text;

/// <summary>
/// A stable 64-bit hash (FNV-1a) of case-folded text. Stable across processes and runtimes, so trained weights and
/// lexicons can be keyed by it; apostrophe variants fold to "'".
/// </summary>
internal static class TextHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = Offset;
        foreach (var c in text)
        {
            hash = (hash ^ Fold(c)) * Prime;
        }

        return hash;
    }

    public static ulong Of(string text) => Of(text.AsSpan());

    /// <summary>Combines two hashes order-sensitively (for n-grams).</summary>
    public static ulong Combine(ulong first, ulong second)
    {
        var h = (first * 0x9E3779B97F4A7C15UL) ^ (second + 0x632BE59BD9B4E019UL + (first << 6) + (first >> 2));
        return Mix(h);
    }

    /// <summary>Derives a distinct hash for the same key in another namespace (e.g. a negated word).</summary>
    public static ulong Salt(ulong hash, ulong salt) => Mix(hash ^ salt);

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }

    internal static char Fold(char c)
    {
        if (c < 128)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        }

        return c switch
        {
            '\u2019' or '\u2018' or '\u02BC' or '\u00B4' or '`' => '\'',
            _ => char.ToLowerInvariant(c),
        };
    }
}
