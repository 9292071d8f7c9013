using Rapport.Cli.Evaluation;

namespace Rapport.Cli.Tests.Evaluation;

/// <summary>Metrics on small cases worked out by hand in the comments.</summary>
public sealed class MetricsTests
{
    [Fact]
    public void FromConfusion_ThreeClasses_MatchesHandComputation()
    {
        // gold \ predicted   a  b  c
        //          a         5  1  0   support 6
        //          b         2  3  1   support 6
        //          c         0  0  4   support 4
        // predicted:         7  4  5
        var report = ClassificationReport.FromConfusion(["a", "b", "c"], new[,] { { 5, 1, 0 }, { 2, 3, 1 }, { 0, 0, 4 } });

        var a = report.Labels[0];
        Assert.Equal(5.0 / 7, a.Precision, 12);
        Assert.Equal(5.0 / 6, a.Recall, 12);
        Assert.Equal(10.0 / 13, a.F1, 12); // 2·5 / (6 + 7)
        Assert.Equal(0.6, report.Labels[1].F1, 12); // 2·3 / (6 + 4)
        Assert.Equal(8.0 / 9, report.Labels[2].F1, 12); // 2·4 / (4 + 5)
        Assert.Equal(((10.0 / 13) + 0.6 + (8.0 / 9)) / 3, report.MacroF1, 12);
        Assert.Equal(0.75, report.Accuracy!.Value, 12); // 12 / 16
        Assert.Equal(0.75, report.MicroF1, 12);
    }

    [Fact]
    public void MultiLabelTally_ThreeExamples_MatchesHandComputation()
    {
        var tally = new MultiLabelTally(["x", "y", "z", "w"], firstLabelConfusion: true);
        tally.Add([0], [0, 1]);  // x: TP; y: FP
        tally.Add([1, 2], [2]);  // y: FN; z: TP
        tally.Add([0], []);      // x: FN

        var report = tally.ToReport();

        Assert.Equal(3, tally.Examples);
        Assert.Equal((2, 1, 1), (report.Labels[0].Support, report.Labels[0].Predicted, report.Labels[0].TruePositives));
        Assert.Equal(2.0 / 3, report.Labels[0].F1, 12); // x: 2·1 / (2 + 1)
        Assert.Equal(0, report.Labels[1].F1);           // y: no TP
        Assert.Equal(1, report.Labels[2].F1);           // z: 2·1 / (1 + 1)
        Assert.False(report.Labels[3].Occurs);          // w: neither gold nor predicted, left out of the macro
        Assert.Equal(((2.0 / 3) + 0 + 1) / 3, report.MacroF1, 12);
        Assert.Equal(2.0 * 2 / (4 + 3), report.MicroF1, 12); // TP 2, support 4, predicted 3
        Assert.Null(report.Accuracy);
        // First labels: (x, x) and (y, z); the third example predicted nothing.
        Assert.Equal(1, report.Confusion![0, 0]);
        Assert.Equal(1, report.Confusion[1, 2]);
    }

    [Fact]
    public void LabelMetrics_NothingPredicted_HasZeroPrecisionNotNaN()
    {
        var metrics = new LabelMetrics("x", Support: 3, Predicted: 0, TruePositives: 0);

        Assert.Equal(0, metrics.Precision);
        Assert.Equal(0, metrics.F1);
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4 }, new double[] { 2, 4, 6, 8 }, 1.0)]
    [InlineData(new double[] { 1, 2, 3, 4 }, new double[] { 8, 6, 4, 2 }, -1.0)]
    [InlineData(new double[] { 1, 2, 3 }, new double[] { 1, 3, 2 }, 0.5)] // cov 1, variances 2 and 2
    [InlineData(new double[] { 1, 1, 1 }, new double[] { 1, 2, 3 }, 0.0)] // constant: undefined, reported as 0
    public void Pearson_SmallSamples_MatchesHandComputation(double[] x, double[] y, double expected)
    {
        var pearson = new PearsonAccumulator();
        for (var i = 0; i < x.Length; i++)
        {
            pearson.Add(x[i], y[i]);
        }

        Assert.Equal(expected, pearson.R, 12);
    }

    [Theory]
    [InlineData(0.05, 0)]
    [InlineData(0.049, 2)]
    [InlineData(-0.05, 1)]
    [InlineData(0.0, 2)]
    [InlineData(0.9, 0)]
    public void VaderPolarity_Thresholds_AreInclusiveAtFivePercent(double value, int expected)
    {
        Assert.Equal(expected, VaderEvaluation.Polarity(value));
    }
}
