using System.Text.RegularExpressions;
using Rapport.Cli.Input;

namespace Rapport.Cli.Evaluation;

/// <summary>The mechanism detector measured on an EPITOME file: per mechanism, three classes (none, weak, strong).</summary>
internal sealed partial record EpitomeReport(
    string File, int Rows, ClassificationReport EmotionalReactions, ClassificationReport Interpretations, ClassificationReport Explorations)
{
    public static readonly string[] Levels = ["none", "weak", "strong"];

    /// <summary>Runs <see cref="EpitomeEvaluation"/> over <paramref name="path"/> and derives the metrics.</summary>
    /// <exception cref="CliException">The file is missing or malformed (named with its line).</exception>
    public static EpitomeReport Evaluate(string path, CliContext context, CancellationToken cancellationToken)
    {
        EpitomeResult result;
        using (var reader = new LineTextReader(InputFiles.OpenLines(path, context)))
        {
            try
            {
                result = EpitomeEvaluation.Evaluate(reader, path, cancellationToken);
            }
            catch (FormatException exception)
            {
                throw new CliException(Reword(exception.Message), exception);
            }
        }

        if (result.Rows == 0)
        {
            throw new CliException($"{path}: empty input (no rated responses)");
        }

        return new EpitomeReport(
            path,
            result.Rows,
            ClassificationReport.FromConfusion(Levels, result.EmotionalReactions),
            ClassificationReport.FromConfusion(Levels, result.Interpretations),
            ClassificationReport.FromConfusion(Levels, result.Explorations));
    }

    /// <summary>"file(12): message" (the evaluator's style) → "file:12: message" (the CLI's).</summary>
    private static string Reword(string message)
    {
        var match = PlaceInParentheses().Match(message);
        return match.Success
            ? $"{match.Groups["file"].Value}:{match.Groups["line"].Value}: {match.Groups["text"].Value.TrimEnd('.')}"
            : message;
    }

    [GeneratedRegex(@"^(?<file>.*?)\((?<line>\d+)\): (?<text>.*)$", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PlaceInParentheses();
}
