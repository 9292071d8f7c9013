using Rapport.Core.Analytics;

namespace Rapport.Core.Tests.Analytics;

public sealed class AnalyticsMathTests
{
    private static ScoreStats Of(params double[] scores) => scores.Aggregate(ScoreStats.Empty, (s, x) => s.Add(x));

    [Fact]
    public void ScoreStats_MeanAndSpread_MatchTheDirectFormulas()
    {
        var stats = Of(60, 70, 80, 90);
        Assert.Equal(4, stats.Count);
        Assert.Equal(75, stats.Mean, 6);
        Assert.Equal(Math.Sqrt(125), stats.StandardDeviation, 6);
        Assert.Equal(stats, Of(60, 70) + Of(80, 90));
        Assert.Equal(0, ScoreStats.Empty.Mean);
    }

    [Fact]
    public void Consistency_EqualMeans_IsPerfect_AndSpreadLowersTheIndex()
    {
        var even = Consistency.Of([Of(70, 70, 70, 70, 70), Of(70, 70, 70, 70, 70)]);
        Assert.NotNull(even);
        Assert.Equal(100, even.Index);
        Assert.Equal(0, even.Spread);

        var uneven = Consistency.Of([Of(90, 90, 90, 90, 90), Of(50, 50, 50, 50, 50)]);
        Assert.NotNull(uneven);
        Assert.Equal(20, uneven.Spread, 6);
        Assert.Equal(20, uneven.Index, 6);
        Assert.Equal(50, uneven.Lowest);
        Assert.Equal(90, uneven.Highest);
    }

    [Fact]
    public void Consistency_GroupsWithTooFewReplies_AreLeftOut()
    {
        Assert.Null(Consistency.Of([Of(90, 90, 90, 90, 90), Of(10)]));
        var reading = Consistency.Of([Of(80, 80, 80, 80, 80), Of(70, 70, 70, 70, 70), Of(0, 0)]);
        Assert.Equal(2, reading!.Groups);
    }

    [Fact]
    public void FairEmpathy_CreditsTheAgentWhoTookTheAngriestCustomers()
    {
        // The desk scores 80 with calm customers and 50 with furious ones.
        // Calm-desk agent: 80 on calm customers only. Hard-desk agent: 60 on furious customers only (better than the desk's 50 there).
        var calmOnly = new ScoreStats[5];
        calmOnly[0] = Of(80, 80, 80, 80);
        var furiousOnly = new ScoreStats[5];
        furiousOnly[4] = Of(60, 60, 60, 60);
        var desk = new ScoreStats[5];
        desk[0] = Of(80, 80, 80, 80, 80, 80, 80, 80);
        desk[4] = Of(60, 60, 60, 60, 40, 40, 40, 40);

        var rawCalm = calmOnly[0].Mean;
        var rawHard = furiousOnly[4].Mean;
        Assert.True(rawHard < rawCalm);
        var fairCalm = FairEmpathy.Score(calmOnly, desk)!.Value;
        var fairHard = FairEmpathy.Score(furiousOnly, desk)!.Value;
        Assert.True(fairHard > fairCalm, $"fair: hard {fairHard} vs calm {fairCalm}");
        Assert.Equal(65 + 10, fairHard, 6); // desk mean 65, plus 10 above the furious band's 50
        Assert.Equal(65, fairCalm, 6);      // exactly the calm band's mean: no credit, no penalty
        Assert.Null(FairEmpathy.Score(new ScoreStats[5], desk));
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.19, 0)]
    [InlineData(0.2, 1)]
    [InlineData(0.79, 3)]
    [InlineData(0.8, 4)]
    [InlineData(1.0, 4)]
    [InlineData(1.7, 4)]
    public void FairEmpathy_Bucket_SplitsUpsetIntoFifths(double upset, int bucket) => Assert.Equal(bucket, FairEmpathy.Bucket(upset));

    [Fact]
    public void Correlation_MatchesPearson_AndNeedsVariation()
    {
        var perfect = Enumerable.Range(1, 10).Aggregate(default(Correlation), (c, i) => c.Add(i, (2 * i) + 1));
        Assert.Equal(1, perfect.R!.Value, 9);
        var inverse = Enumerable.Range(1, 10).Aggregate(default(Correlation), (c, i) => c.Add(i, -i));
        Assert.Equal(-1, inverse.R!.Value, 9);

        // x = 1..5, y = 2,1,4,3,5 → r = 0.8
        var some = new[] { (1, 2), (2, 1), (3, 4), (4, 3), (5, 5) }.Aggregate(default(Correlation), (c, p) => c.Add(p.Item1, p.Item2));
        Assert.Equal(0.8, some.R!.Value, 9);

        Assert.Null(default(Correlation).Add(1, 1).Add(2, 2).R);
        Assert.Null(Enumerable.Range(1, 5).Aggregate(default(Correlation), (c, i) => c.Add(i, 3)).R);
    }

    [Fact]
    public void EffortQuadrants_PlaceAgentsAgainstTheMedians()
    {
        Assert.Equal(EffortQuadrant.EfficientAndWarm, EffortQuadrants.Of(85, 10, 80, 12));
        Assert.Equal(EffortQuadrant.SlowAndWarm, EffortQuadrants.Of(85, 30, 80, 12));
        Assert.Equal(EffortQuadrant.EfficientButCold, EffortQuadrants.Of(60, 10, 80, 12));
        Assert.Equal(EffortQuadrant.SlowAndCold, EffortQuadrants.Of(60, 30, 80, 12));
        Assert.Equal(2.5, EffortQuadrants.Median([1, 2, 3, 4]));
        Assert.Equal(9.1, EffortQuadrants.Percentile(Enumerable.Range(0, 11).Select(i => (double)i), 0.91), 9);
        Assert.Equal(0, EffortQuadrants.Median([]));
    }
}
