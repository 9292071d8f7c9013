using Rapport.Cli.Input;
using Rapport.Core.Coaching;
using Spectre.Console;

namespace Rapport.Cli.Rendering;

/// <summary>Renders empathy reviews for people: the score, the practice checklist and the mechanisms.</summary>
internal static class ReviewRenderer
{
    private static readonly string[] PracticeNames =
    [
        "Greeting", "Uses the customer's name", "Acknowledges the feeling", "Apologises", "Thanks the customer",
        "Reflects their details", "Asks a clarifying question", "Takes ownership", "Positive, caring language",
        "Offers a solution or next step", "Offers alternatives", "Promises follow-up", "Offers further help",
        "Not robotic", "Acknowledges before solving", "Tone",
    ];

    public static string Name(Practice practice) =>
        (int)practice < PracticeNames.Length ? PracticeNames[(int)practice] : practice.ToString();

    /// <summary>One review in full.</summary>
    public static void RenderDetailed(IAnsiConsole console, EmpathyReview review, bool bigScore)
    {
        var color = Palette.ForScore(review.Score);
        if (bigScore)
        {
            console.Write(new FigletText(review.Score.ToString(System.Globalization.CultureInfo.InvariantCulture)).Color(color));
        }

        console.MarkupLine($"[bold]Empathy score:[/] [bold {color.ToMarkup()}]{review.Score}/100[/] ({Verdict(review.Score)})");
        var customer = review.CustomerReading;
        console.MarkupLine($"[bold]Customer feels:[/] {Palette.Labels(customer.Labels)}   escalation risk {Palette.Risk(customer.EscalationRisk)}");
        console.WriteLine();

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Status")
            .AddColumn("Practice")
            .AddColumn(new TableColumn("Weight").RightAligned())
            .AddColumn("Suggestion");
        foreach (var finding in review.Findings)
        {
            table.AddRow(
                Palette.Status(finding.Status),
                Markup.Escape(Name(finding.Practice)),
                finding.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture),
                finding.Suggestion is { } suggestion ? Markup.Escape(suggestion) : "");
        }

        console.Write(table);

        var mechanisms = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        mechanisms.AddRow("[bold]Emotional reactions[/]", Palette.Level(review.Mechanisms.EmotionalReactions));
        mechanisms.AddRow("[bold]Interpretations[/]", Palette.Level(review.Mechanisms.Interpretations));
        mechanisms.AddRow("[bold]Explorations[/]", Palette.Level(review.Mechanisms.Explorations));
        console.Write(new Panel(mechanisms).Header("Empathy mechanisms (EPITOME)").Border(BoxBorder.Rounded));
    }

    /// <summary>Many reviews as a table: line, score, missed practices, mechanisms.</summary>
    public static void RenderTable(IAnsiConsole console, ReadOnlySpan<ReviewCase> cases, ReadOnlySpan<EmpathyReview> reviews)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("Line").RightAligned())
            .AddColumn(new TableColumn("Score").RightAligned())
            .AddColumn("Reply")
            .AddColumn("Missed")
            .AddColumn("ER/IP/EX");
        for (var i = 0; i < cases.Length; i++)
        {
            var review = reviews[i];
            var missed = string.Join(", ", review.Findings.Where(f => f.Status == FindingStatus.Missed).Select(f => Name(f.Practice)));
            var m = review.Mechanisms;
            table.AddRow(
                cases[i].Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"[{Palette.ForScore(review.Score).ToMarkup()}]{review.Score}[/]",
                Palette.Excerpt(cases[i].Reply, 50),
                Markup.Escape(missed),
                $"{(int)m.EmotionalReactions}/{(int)m.Interpretations}/{(int)m.Explorations}");
        }

        console.Write(table);
    }

    private static string Verdict(int score) => score >= 85 ? "empathetic" : score >= 60 ? "fair" : "needs work";
}
