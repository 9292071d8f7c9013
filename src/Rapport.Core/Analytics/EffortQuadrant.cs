namespace Rapport.Core.Analytics;

/// <summary>Where an agent sits on empathy against handle time, relative to the team.</summary>
public enum EffortQuadrant
{
    /// <summary>Warmer than the team's median and faster than its median handle time.</summary>
    EfficientAndWarm,

    /// <summary>Warmer, but slower.</summary>
    SlowAndWarm,

    /// <summary>Faster, but colder.</summary>
    EfficientButCold,

    /// <summary>Colder and slower: the first to coach.</summary>
    SlowAndCold,
}

/// <summary>Places agents in <see cref="EffortQuadrant"/>s against the medians of the group (ties count as warm and fast).</summary>
public static class EffortQuadrants
{
    /// <summary>The quadrant of (<paramref name="empathy"/>, <paramref name="handleMinutes"/>) against the medians.</summary>
    public static EffortQuadrant Of(double empathy, double handleMinutes, double medianEmpathy, double medianHandleMinutes) =>
        (empathy >= medianEmpathy, handleMinutes <= medianHandleMinutes) switch
        {
            (true, true) => EffortQuadrant.EfficientAndWarm,
            (true, false) => EffortQuadrant.SlowAndWarm,
            (false, true) => EffortQuadrant.EfficientButCold,
            _ => EffortQuadrant.SlowAndCold,
        };

    /// <summary>"Efficient and warm", ...</summary>
    public static string Name(EffortQuadrant quadrant) => quadrant switch
    {
        EffortQuadrant.EfficientAndWarm => "Efficient and warm",
        EffortQuadrant.SlowAndWarm => "Slow and warm",
        EffortQuadrant.EfficientButCold => "Efficient but cold",
        _ => "Slow and cold",
    };

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count); 0 when empty.</summary>
    public static double Median(IEnumerable<double> values) => Percentile(values, 0.5);

    /// <summary>The <paramref name="p"/>-th percentile (0–1) by linear interpolation; 0 when empty.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var position = Math.Clamp(p, 0, 1) * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
