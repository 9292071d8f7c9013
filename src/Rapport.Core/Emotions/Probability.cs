namespace Rapport.Core.Emotions;

/// <summary>Combining independent pieces of evidence.</summary>
internal static class Probability
{
    /// <summary>The chance that at least one of two independent signals holds.</summary>
    public static double NoisyOr(double a, double b) => 1 - ((1 - a) * (1 - b));
}
