using System.Globalization;
using Rapport.Cli.Evaluation;
using Spectre.Console;

namespace Rapport.Cli.Rendering;

/// <summary>Renders evaluation results: per-label tables, confusion matrices, and a summary of the headline figures.</summary>
internal static class EvalRenderer
{
    public static void Render(
        IAnsiConsole console, IReadOnlyList<GoEmotionsResult> goEmotions, IReadOnlyList<VaderResult> vader, IReadOnlyList<EpitomeReport> epitome)
    {
        var summary = new Table().Border(TableBorder.Rounded).Title("[bold]Summary[/]")
            .AddColumn("Data").AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned());
        foreach (var result in goEmotions)
        {
            Heading(console, $"GoEmotions: {result.File} ({result.Rows:N0} examples)");
            RenderReport(console, "Ekman grouping + neutral (multi-label; confusion of first labels)", result.Ekman);
            RenderReport(console, "Sentiment grouping (multi-label; confusion of first labels)", result.Sentiment);
            RenderReport(console, "28 GoEmotions labels (multi-label)", result.Fine);
            var file = Markup.Escape(Path.GetFileName(result.File));
            summary.AddRow(file, "GoEmotions Ekman macro-F1", F(result.Ekman.MacroF1));
            summary.AddRow(file, "GoEmotions sentiment macro-F1", F(result.Sentiment.MacroF1));
            summary.AddRow(file, "GoEmotions 28-label macro-F1", F(result.Fine.MacroF1));
        }

        foreach (var result in vader)
        {
            Heading(console, $"VADER: {result.File} ({result.Rows:N0} snippets)");
            console.MarkupLine($"Pearson r of valence with the human mean rating: [bold]{F(result.Pearson)}[/]");
            RenderReport(console, "Polarity (valence ±0.05; gold: rating/4 ±0.05)", result.Polarity);
            var file = Markup.Escape(Path.GetFileName(result.File));
            summary.AddRow(file, "VADER Pearson r", F(result.Pearson));
            summary.AddRow(file, "VADER 3-class macro-F1", F(result.Polarity.MacroF1));
        }

        foreach (var result in epitome)
        {
            Heading(console, $"EPITOME: {result.File} ({result.Rows:N0} responses)");
            RenderReport(console, "Emotional reactions", result.EmotionalReactions);
            RenderReport(console, "Interpretations", result.Interpretations);
            RenderReport(console, "Explorations", result.Explorations);
            var file = Markup.Escape(Path.GetFileName(result.File));
            summary.AddRow(file, "EPITOME ER macro-F1 / accuracy", $"{F(result.EmotionalReactions.MacroF1)} / {F(result.EmotionalReactions.Accuracy ?? 0)}");
            summary.AddRow(file, "EPITOME IP macro-F1 / accuracy", $"{F(result.Interpretations.MacroF1)} / {F(result.Interpretations.Accuracy ?? 0)}");
            summary.AddRow(file, "EPITOME EX macro-F1 / accuracy", $"{F(result.Explorations.MacroF1)} / {F(result.Explorations.Accuracy ?? 0)}");
        }

        console.WriteLine();
        console.Write(summary);
    }

    private static void Heading(IAnsiConsole console, string text)
    {
        console.WriteLine();
        console.Write(new Rule($"[bold]{Markup.Escape(text)}[/]").LeftJustified());
    }

    private static void RenderReport(IAnsiConsole console, string title, ClassificationReport report)
    {
        var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape(title))
            .AddColumn("Label")
            .AddColumn(new TableColumn("Precision").RightAligned())
            .AddColumn(new TableColumn("Recall").RightAligned())
            .AddColumn(new TableColumn("F1").RightAligned())
            .AddColumn(new TableColumn("Support").RightAligned())
            .AddColumn(new TableColumn("Predicted").RightAligned());
        foreach (var label in report.Labels)
        {
            table.AddRow(Markup.Escape(label.Label), F(label.Precision), F(label.Recall), F(label.F1), N(label.Support), N(label.Predicted));
        }

        var footer = $"macro-F1 [bold]{F(report.MacroF1)}[/]   micro-F1 {F(report.MicroF1)}";
        if (report.Accuracy is { } accuracy)
        {
            footer += $"   accuracy {F(accuracy)}";
        }

        table.Caption(footer);
        console.Write(table);

        if (report.Confusion is { } confusion)
        {
            var matrix = new Table().Border(TableBorder.Simple).AddColumn("gold \\ predicted");
            foreach (var label in report.Labels)
            {
                matrix.AddColumn(new TableColumn(Markup.Escape(label.Label)).RightAligned());
            }

            for (var i = 0; i < report.Labels.Count; i++)
            {
                var cells = new string[report.Labels.Count + 1];
                cells[0] = Markup.Escape(report.Labels[i].Label);
                for (var j = 0; j < report.Labels.Count; j++)
                {
                    cells[j + 1] = i == j ? $"[bold]{N(confusion[i, j])}[/]" : N(confusion[i, j]);
                }

                matrix.AddRow(cells);
            }

            console.Write(matrix);
        }
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
