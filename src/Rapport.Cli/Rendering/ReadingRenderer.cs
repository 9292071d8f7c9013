using Rapport.Cli.Input;
using Rapport.Core.Emotions;
using Spectre.Console;

namespace Rapport.Cli.Rendering;

/// <summary>Renders emotion readings for people: one message in detail, or many as a table.</summary>
internal static class ReadingRenderer
{
    private const int ScoreBarWidth = 20;

    /// <summary>One message: labels, a bar per emotion, the schemes, valence and risk, and the evidence.</summary>
    public static void RenderDetailed(IAnsiConsole console, string text, EmotionReading reading)
    {
        var summary = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        summary.AddRow("[bold]Message[/]", Palette.Excerpt(text, 200));
        summary.AddRow("[bold]Language[/]", $"{Markup.Escape(reading.Language)} ({reading.LanguageConfidence:0.00}){(reading.Analyzed ? "" : " [yellow]not English: emotions not read[/]")}");
        summary.AddRow("[bold]Labels[/]", Palette.Labels(reading.Labels));
        summary.AddRow("[bold]Ekman[/]", Markup.Escape(string.Join(", ", reading.Ekman.Select(e => e.Name()))));
        summary.AddRow("[bold]Sentiment[/]", Markup.Escape(string.Join(", ", reading.Sentiment.Select(s => s.Name()))));
        if (reading.GoEmotions.Count > 0)
        {
            summary.AddRow("[bold]GoEmotions[/]", Markup.Escape(string.Join(", ", reading.GoEmotions)));
        }

        summary.AddRow("[bold]Valence[/]", Palette.Valence(reading.Valence));
        summary.AddRow("[bold]Intensity[/]", $"{reading.Intensity:0.00}");
        summary.AddRow("[bold]Escalation risk[/]", Palette.Risk(reading.EscalationRisk));
        if (reading.Signals.Count > 0)
        {
            summary.AddRow("[bold]Signals[/]", Markup.Escape(string.Join(", ", reading.Signals)));
        }

        if (reading.Truncated)
        {
            summary.AddRow("[bold]Truncated[/]", $"[yellow]only the first {EmotionAnalyzer.MaxAnalyzedLength:N0} characters were read[/]");
        }

        console.Write(summary);
        console.WriteLine();

        var scores = new Table().Border(TableBorder.Rounded).AddColumn("Emotion").AddColumn(new TableColumn("Score").RightAligned()).AddColumn("");
        foreach (var (emotion, score) in reading.Scores)
        {
            var name = reading.Has(emotion) ? $"[bold]{Palette.Label(emotion)}[/]" : Markup.Escape(emotion.Name());
            scores.AddRow(name, $"{score:0.00}", Palette.Bar(score, ScoreBarWidth, Palette.Of(emotion)));
        }

        console.Write(scores);

        if (reading.Evidence.Count > 0)
        {
            var evidence = new Table().Border(TableBorder.Rounded).Title("Evidence").AddColumn("Label").AddColumn("Text").AddColumn("Cue").AddColumn(new TableColumn("Chars").RightAligned());
            foreach (var item in reading.Evidence)
            {
                var (start, end) = Offsets(item.Range, text.Length);
                evidence.AddRow(Palette.Label(item.Emotion), $"“{Palette.Excerpt(text[start..end], 60)}”", Markup.Escape(item.Cue), $"{start}–{end}");
            }

            console.Write(evidence);
        }
    }

    /// <summary>A table of many messages: line, excerpt, labels, valence, escalation risk.</summary>
    public static void RenderTable(IAnsiConsole console, ReadOnlySpan<Message> messages, ReadOnlySpan<EmotionReading> readings)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("Line").RightAligned())
            .AddColumn("Message")
            .AddColumn("Labels")
            .AddColumn(new TableColumn("Valence").RightAligned())
            .AddColumn(new TableColumn("Escalation").RightAligned());
        for (var i = 0; i < messages.Length; i++)
        {
            var reading = readings[i];
            table.AddRow(
                messages[i].Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Palette.Excerpt(messages[i].Text, 60),
                reading.Analyzed ? Palette.Labels(reading.Labels) : $"[grey]({Markup.Escape(reading.Language)})[/]",
                Palette.Valence(reading.Valence),
                Palette.Risk(reading.EscalationRisk));
        }

        console.Write(table);
    }

    /// <summary>The offsets of <paramref name="range"/>, clamped to a text of <paramref name="length"/> characters.</summary>
    public static (int Start, int End) Offsets(Range range, int length)
    {
        var start = Math.Clamp(range.Start.GetOffset(length), 0, length);
        var end = Math.Clamp(range.End.GetOffset(length), start, length);
        return (start, end);
    }
}
