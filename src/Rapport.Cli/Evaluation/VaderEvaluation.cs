using System.Globalization;
using Rapport.Cli.Input;
using Rapport.Cli.Output;
using Rapport.Cli.Processing;
using Rapport.Core.Emotions;

namespace Rapport.Cli.Evaluation;

/// <summary>The engine's valence measured against VADER's human ratings.</summary>
/// <param name="File">The file, as named on the command line.</param>
/// <param name="Rows">Snippets evaluated.</param>
/// <param name="Pearson">Pearson's r between <see cref="EmotionReading.Valence"/> and the human mean rating.</param>
/// <param name="Polarity">Three classes (positive, negative, neutral); see <see cref="VaderEvaluation"/>.</param>
internal sealed record VaderResult(string File, int Rows, double Pearson, ClassificationReport Polarity);

/// <summary>One rated snippet.</summary>
internal sealed record VaderRow(int Line, string Text, double Rating) : ILineItem;

/// <summary>
/// Evaluates <see cref="EmotionReading.Valence"/> on VADER's ground-truth files (id TAB mean rating TAB text; ratings
/// from -4 to +4). Besides Pearson's r, a three-class polarity: the prediction is positive when valence ≥ 0.05,
/// negative when ≤ -0.05, else neutral (VADER's thresholds on its compound score); the gold class uses the same
/// thresholds on the rating scaled to [-1, 1] (rating / 4), i.e. ±0.2 on the raw scale.
/// </summary>
internal static class VaderEvaluation
{
    /// <summary>The polarity threshold on a [-1, 1] scale.</summary>
    public const double Threshold = 0.05;

    /// <summary>The scale of the human ratings: -4 to +4.</summary>
    public const double RatingScale = 4.0;

    public static readonly string[] Classes = ["positive", "negative", "neutral"];

    /// <summary>0 positive, 1 negative, 2 neutral, for a value in [-1, 1].</summary>
    public static int Polarity(double value) => value >= Threshold ? 0 : value <= -Threshold ? 1 : 2;

    public static async Task<VaderResult> EvaluateAsync(string path, CliContext context, bool progress, CancellationToken cancellationToken)
    {
        var pearson = new PearsonAccumulator();
        var confusion = new int[Classes.Length, Classes.Length];
        using var source = new Reader(InputFiles.OpenLines(path, context));
        var reporter = ProgressReporter.Create(context, progress, "vader", source.Length);
        var analyzer = EmotionAnalyzer.Default;
        await BatchPipeline.RunAsync<VaderRow, double>(
            source,
            row => analyzer.Analyze(row.Text).Valence,
            batch =>
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    var rating = batch.Items[i].Rating;
                    pearson.Add(batch.Results[i], rating);
                    confusion[Polarity(rating / RatingScale), Polarity(batch.Results[i])]++;
                }
            },
            reporter,
            cancellationToken).ConfigureAwait(false);

        return new VaderResult(path, (int)pearson.Count, pearson.R, ClassificationReport.FromConfusion(Classes, confusion));
    }

    /// <summary>Reads "id TAB rating TAB text" rows.</summary>
    private sealed class Reader(Utf8LineReader lines) : LineItemSource<VaderRow>(lines, "no rated snippets")
    {
        protected override VaderRow Parse(ReadOnlySpan<byte> bytes)
        {
            var line = Lines.Decode(bytes);
            var first = line.IndexOf('\t');
            var second = first >= 0 ? line.IndexOf('\t', first + 1) : -1;
            if (second < 0)
            {
                throw Error("expected tab-separated columns: id, mean rating, text");
            }

            var field = line.AsSpan(first + 1, second - first - 1).Trim();
            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var rating) || !double.IsFinite(rating))
            {
                throw Error($"the rating '{field}' is not a number");
            }

            return new VaderRow(Lines.LineNumber, line[(second + 1)..], rating);
        }
    }
}
