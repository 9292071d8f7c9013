using System.Collections;

namespace Rapport.Core.Emotions;

/// <summary>A score in [0, 1] per <see cref="SupportEmotion"/>; 0.5 is the calibrated decision threshold.</summary>
public sealed class EmotionScores : IReadOnlyList<KeyValuePair<SupportEmotion, double>>
{
    /// <summary>The number of support emotions (including neutral).</summary>
    public const int Count = 9;

    private readonly double[] _values;

    internal EmotionScores(double[] values)
    {
        _values = values;
    }

    /// <summary>The score of <paramref name="emotion"/>.</summary>
    public double this[SupportEmotion emotion] => _values[(int)emotion];

    int IReadOnlyCollection<KeyValuePair<SupportEmotion, double>>.Count => Count;

    KeyValuePair<SupportEmotion, double> IReadOnlyList<KeyValuePair<SupportEmotion, double>>.this[int index] =>
        KeyValuePair.Create((SupportEmotion)index, _values[index]);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<SupportEmotion, double>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return KeyValuePair.Create((SupportEmotion)i, _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
