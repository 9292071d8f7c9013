namespace Rapport.Core.Language;

/// <summary>
/// A read-only open-addressing table from packed n-grams (up to four UTF-16 chars in a <see cref="ulong"/>) to evidence.
/// An unknown word probes it about four times per letter, so a probe must cost a multiply and a compare, not a string hash.
/// </summary>
internal sealed class NgramTable
{
    /// <summary>The longest n-gram that fits in a key.</summary>
    public const int MaxLength = 4;

    private readonly ulong[] _keys;
    private readonly EvidenceRange[] _values;
    private readonly int _shift;
    private readonly int _mask;

    public NgramTable(IReadOnlyDictionary<ulong, EvidenceRange> entries)
    {
        var bits = 4;
        while ((1 << bits) < entries.Count * 2)
        {
            bits++;
        }

        _keys = new ulong[1 << bits];
        _values = new EvidenceRange[1 << bits];
        _shift = 64 - bits;
        _mask = (1 << bits) - 1;
        foreach (var (key, value) in entries)
        {
            if (key == 0)
            {
                throw new ArgumentException("The empty n-gram cannot be a key.", nameof(entries));
            }

            var slot = Slot(key);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = key;
            _values[slot] = value;
        }

        Count = entries.Count;
    }

    public int Count { get; }

    /// <summary>Packs <paramref name="ngram"/> (1 to <see cref="MaxLength"/> chars) the way lookups do.</summary>
    public static ulong Pack(ReadOnlySpan<char> ngram)
    {
        if (ngram.IsEmpty || ngram.Length > MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(ngram), ngram.Length, $"An n-gram has 1 to {MaxLength} chars.");
        }

        ulong key = 0;
        for (var i = 0; i < ngram.Length; i++)
        {
            key |= (ulong)ngram[i] << (16 * i);
        }

        return key;
    }

    public bool TryGetValue(ulong key, out EvidenceRange value)
    {
        var slot = Slot(key);
        while (true)
        {
            var found = _keys[slot];
            if (found == key)
            {
                value = _values[slot];
                return true;
            }

            if (found == 0)
            {
                value = default;
                return false;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
}
