using System.Buffers;

namespace Rapport.Core.Coaching.Mechanisms;

/// <summary>A growable list of phrase matches in pooled memory.</summary>
internal struct MatchBuffer : IDisposable
{
    private PhraseHit[] _items;

    public MatchBuffer(int capacity)
    {
        _items = ArrayPool<PhraseHit>.Shared.Rent(Math.Max(capacity, 16));
    }

    public int Count { get; private set; }

    public readonly ReadOnlySpan<PhraseHit> Items => _items.AsSpan(0, Count);

    public void Add(PhraseHit match)
    {
        if (Count == _items.Length)
        {
            var larger = ArrayPool<PhraseHit>.Shared.Rent(_items.Length * 2);
            _items.AsSpan(0, Count).CopyTo(larger);
            ArrayPool<PhraseHit>.Shared.Return(_items);
            _items = larger;
        }

        _items[Count++] = match;
    }

    public void Dispose()
    {
        if (_items is not null)
        {
            ArrayPool<PhraseHit>.Shared.Return(_items);
            _items = null!;
        }
    }
}
