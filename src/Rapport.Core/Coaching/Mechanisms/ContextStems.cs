using System.Buffers;
using System.Collections.Frozen;

namespace Rapport.Core.Coaching.Mechanisms;

/// <summary>The content-word stems of the other person's message, computed on first use, in pooled memory.</summary>
internal ref struct ContextStems
{
    private readonly ReadOnlySpan<char> _context;
    private readonly MechanismPhraseBank _bank;
    private readonly FrozenSet<ulong> _functionWords;
    private ulong[]? _stems;
    private int _count;

    public ContextStems(ReadOnlySpan<char> context, MechanismPhraseBank bank, FrozenSet<ulong> functionWords)
    {
        _context = context;
        _bank = bank;
        _functionWords = functionWords;
    }

    /// <summary>Whether the context has a content word with this stem hash.</summary>
    public bool Contains(ulong stem)
    {
        if (_context.IsEmpty)
        {
            return false;
        }

        _stems ??= ContentWords.SortedStems(_context, _bank, _functionWords, out _count);
        return _stems.AsSpan(0, _count).BinarySearch(stem) >= 0;
    }

    public void Dispose()
    {
        if (_stems is not null)
        {
            ArrayPool<ulong>.Shared.Return(_stems);
            _stems = null;
        }
    }
}
