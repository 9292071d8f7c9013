namespace Rapport.Core.Analytics;

/// <summary>Pearson's correlation of paired values, from running sums (mergeable; one pass over any number of pairs).</summary>
/// <param name="Count">Pairs.</param>
/// <param name="SumX">Σx.</param>
/// <param name="SumY">Σy.</param>
/// <param name="SumXY">Σxy.</param>
/// <param name="SumXX">Σx².</param>
/// <param name="SumYY">Σy².</param>
public readonly record struct Correlation(long Count, double SumX, double SumY, double SumXY, double SumXX, double SumYY)
{
    /// <summary>Pairs needed before r is reported.</summary>
    public const int MinPairs = 3;

    /// <summary>These pairs and (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public Correlation Add(double x, double y) => new(Count + 1, SumX + x, SumY + y, SumXY + (x * y), SumXX + (x * x), SumYY + (y * y));

    /// <summary>r in [−1, 1]; null with fewer than <see cref="MinPairs"/> pairs or when either side does not vary.</summary>
    public double? R
    {
        get
        {
            if (Count < MinPairs)
            {
                return null;
            }

            var covariance = (Count * SumXY) - (SumX * SumY);
            var varianceX = (Count * SumXX) - (SumX * SumX);
            var varianceY = (Count * SumYY) - (SumY * SumY);
            if (varianceX <= 1e-9 || varianceY <= 1e-9)
            {
                return null;
            }

            return Math.Clamp(covariance / Math.Sqrt(varianceX * varianceY), -1, 1);
        }
    }

    /// <summary>The mean of x; 0 without pairs.</summary>
    public double MeanX => Count == 0 ? 0 : SumX / Count;

    /// <summary>The mean of y; 0 without pairs.</summary>
    public double MeanY => Count == 0 ? 0 : SumY / Count;
}
