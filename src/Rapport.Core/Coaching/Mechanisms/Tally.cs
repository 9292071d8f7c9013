namespace Rapport.Core.Coaching.Mechanisms;

/// <summary>The level of one mechanism so far and the ranges that show it.</summary>
internal struct Tally
{
    private List<Range>? _evidence;

    public MechanismLevel Level { get; private set; }

    public void Add(MechanismLevel level, Range range)
    {
        if (level > Level)
        {
            Level = level;
        }

        _evidence ??= [];
        _evidence.Add(range);
    }

    /// <summary>The evidence in text order, overlapping ranges merged.</summary>
    public readonly IReadOnlyList<Range> Evidence()
    {
        if (_evidence is null)
        {
            return [];
        }

        _evidence.Sort(static (a, b) => a.Start.Value != b.Start.Value ? a.Start.Value.CompareTo(b.Start.Value) : a.End.Value.CompareTo(b.End.Value));
        var merged = new List<Range>(_evidence.Count);
        foreach (var range in _evidence)
        {
            if (merged.Count > 0 && range.Start.Value <= merged[^1].End.Value)
            {
                var last = merged[^1];
                merged[^1] = new Range(last.Start, Math.Max(last.End.Value, range.End.Value));
                continue;
            }

            merged.Add(range);
        }

        return merged;
    }
}
