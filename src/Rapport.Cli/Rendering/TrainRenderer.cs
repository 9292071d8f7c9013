using System.Globalization;
using Rapport.Cli.Commands;
using Rapport.Core.Coaching;
using Rapport.Core.Training;
using Spectre.Console;

namespace Rapport.Cli.Rendering;

/// <summary>The training session in the terminal: briefing, turns, score card with a text chart of the customer's feeling.</summary>
internal static class TrainRenderer
{
    public const string Prompt = "[bold]You ›[/] ";

    private const int BarWidth = 20;

    public static void RenderList(IAnsiConsole console, ScenarioLibrary library)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Id").NoWrap())
            .AddColumn("Scenario")
            .AddColumn("Customer")
            .AddColumn("Feels")
            .AddColumn(new TableColumn("Turns").RightAligned())
            .AddColumn("Trains");
        foreach (var s in library.Scenarios)
        {
            table.AddRow(
                Markup.Escape(s.Id),
                Markup.Escape(s.Title),
                Markup.Escape(s.Persona.Name),
                $"{Palette.Label(s.Emotion)} {s.Intensity.ToString("0.00", CultureInfo.InvariantCulture)}",
                s.TurnLimit.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", s.Targets.Select(t => ReviewRenderer.Name(t).ToLowerInvariant()))));
        }

        console.Write(table);
        console.MarkupLine($"{library.Scenarios.Count} scenarios. Play one: [bold]rapport train --scenario ID[/]");
    }

    /// <summary>The prompt before a reply typed at a terminal (no newline).</summary>
    public static void RenderPrompt(IAnsiConsole console) => console.Markup(Prompt);

    /// <summary>A piped reply, echoed so the transcript reads the same as on a terminal.</summary>
    public static void RenderEcho(IAnsiConsole console, string reply) => console.MarkupLine(Prompt + Markup.Escape(reply));

    public static void RenderInputEnded(IAnsiConsole console) =>
        console.MarkupLine("[grey](input ended before the conversation did: the score card so far)[/]");

    public static void RenderStart(IAnsiConsole console, TrainingSession session)
    {
        var s = session.Scenario;
        console.Write(new Rule($"[bold]Training: {Markup.Escape(s.Title)}[/]").LeftJustified());
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("[bold]Customer[/]", Markup.Escape(s.Persona.Name));
        grid.AddRow("[bold]Situation[/]", Markup.Escape(s.Persona.Situation));
        grid.AddRow("[bold]Temperament[/]", Markup.Escape(s.Persona.Temperament));
        grid.AddRow("[bold]You can ask[/]", Markup.Escape(string.Join("; ", s.Facts.Select(f => f.Topic))));
        grid.AddRow("[bold]You can offer[/]", Markup.Escape(string.Join("; ", s.Resolution.Select(r => r.Offer))));
        grid.AddRow("[bold]Turns[/]", $"at most {s.TurnLimit}; one reply per line, {TrainCommand.Quit} to stop");
        grid.AddRow("[bold]Replay[/]", Markup.Escape($"rapport train --scenario {s.Id} --seed {session.Seed}"));
        console.Write(new Panel(grid).Border(BoxBorder.Rounded));
        console.WriteLine();
        RenderCustomer(console, s, session.StartState, session.Opening);
    }

    public static void RenderTurn(IAnsiConsole console, TrainingSession session, TrainingTurn turn)
    {
        var color = Palette.ForScore(turn.Review.Score).ToMarkup();
        console.MarkupLine($"  [{color}]score {turn.Review.Score}[/] · tip: {Markup.Escape(Tip(turn.Review))}");
        if (turn.Reaction.Effects.Count > 0)
        {
            // Why the customer reacted as they will: the rules that fired (docs/decisions/0010-training-simulator.md).
            console.MarkupLine($"  [grey]{Markup.Escape(Noun(session.Scenario))}: {Markup.Escape(string.Join(", ", turn.Reaction.Effects))}[/]");
        }
        foreach (var item in turn.Reaction.CoveredItems)
        {
            console.MarkupLine($"  [green]✓ resolution:[/] {Markup.Escape(item.Offer)}");
        }

        console.WriteLine();
        RenderCustomer(console, session.Scenario, turn.State, turn.CustomerReply);
        foreach (var fact in turn.Reaction.RevealedFacts)
        {
            console.MarkupLine($"  [aqua]✓ found out:[/] {Markup.Escape(fact.Fact)}");
        }

        if (turn.Outcome != TrainingOutcome.InProgress)
        {
            console.MarkupLine($"[bold]{OutcomeText(turn.Outcome, turn.State)}[/]");
        }
    }

    /// <summary>The most valuable missed practice's suggestion: one line to act on next turn.</summary>
    public static string Tip(EmpathyReview review) =>
        review.Findings.Where(f => f.Status == FindingStatus.Missed && f.Suggestion is not null)
            .OrderByDescending(f => f.Weight)
            .Select(f => f.Suggestion!)
            .FirstOrDefault() ?? "Great reply: every practice met.";

    public static void RenderScoreCard(IAnsiConsole console, Scenario scenario, ScoreCard card, ScenarioSuggestion next)
    {
        console.WriteLine();
        console.Write(new Rule("[bold]Score card[/]").LeftJustified());
        var color = Palette.ForScore(card.Empathy).ToMarkup();
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("[bold]Outcome[/]", Markup.Escape(OutcomeWord(card.Outcome)));
        grid.AddRow("[bold]Empathy[/]", $"[bold {color}]{card.Empathy}/100[/] (mean of {card.TurnsTaken} turn{(card.TurnsTaken == 1 ? "" : "s")}: {string.Join(", ", card.TurnScores)})");
        grid.AddRow("[bold]Turns[/]", $"{card.TurnsTaken} of {card.TurnLimit}");
        grid.AddRow("[bold]Found out[/]", $"{card.FactsFound} of {card.FactsTotal} facts");
        grid.AddRow("[bold]Resolution[/]", $"{card.ItemsCovered} of {card.ItemsTotal} items covered");
        console.Write(grid);

        console.WriteLine();
        console.MarkupLine($"[bold]{Markup.Escape(scenario.FirstName)}'s feeling, turn by turn[/] (intensity 0–1)");
        foreach (var point in card.Curve)
        {
            console.MarkupLine($"  t{point.Turn.ToString(CultureInfo.InvariantCulture),-2} {Palette.Bar(point.Intensity, BarWidth, Palette.Of(point.Emotion))} "
                + $"{point.Intensity.ToString("0.00", CultureInfo.InvariantCulture)} {Palette.Label(point.Emotion)}");
        }

        if (card.Best.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Best practices[/]");
            foreach (var best in card.Best)
            {
                console.MarkupLine($"  [green]✓[/] {Markup.Escape(ReviewRenderer.Name(best.Practice))} ({best.Met}/{best.Applicable}): \"{Markup.Escape(best.Example)}\"");
            }
        }

        if (card.Weakest.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Weakest practices[/]");
            foreach (var weak in card.Weakest)
            {
                console.MarkupLine($"  [red]✗[/] {Markup.Escape(ReviewRenderer.Name(weak.Practice))} ({weak.Met}/{weak.Applicable}), turn {weak.ExampleTurn}: \"{Markup.Escape(weak.Example)}\"");
                console.MarkupLine($"      → {Markup.Escape(weak.Advice ?? "")}");
            }
        }

        console.WriteLine();
        var focus = card.FocusPractice is { } practice ? $" ({Markup.Escape(ReviewRenderer.Name(practice).ToLowerInvariant())})" : "";
        console.MarkupLine($"[bold]Practise next{focus}:[/] {Markup.Escape(card.PractiseNext)}");
        console.MarkupLine($"[bold]Next scenario:[/] {Markup.Escape(next.Scenario.Id)} ({Markup.Escape(next.Reason)})");
    }

    private static string Noun(Scenario scenario) => $"{scenario.FirstName}'s reaction";

    private static void RenderCustomer(IAnsiConsole console, Scenario scenario, CustomerState state, string message)
    {
        var feeling = $"{Palette.Label(state.Emotion)} {state.Intensity.ToString("0.00", CultureInfo.InvariantCulture)}";
        console.MarkupLine($"[bold]{Markup.Escape(scenario.FirstName)}[/] ({feeling}) › {Markup.Escape(message)}");
    }

    private static string OutcomeWord(TrainingOutcome outcome) => outcome switch
    {
        TrainingOutcome.Resolved => "resolved",
        TrainingOutcome.Abandoned => "abandoned: the customer left angry",
        TrainingOutcome.Escalated => "escalated to a manager",
        _ => "unfinished",
    };

    private static string OutcomeText(TrainingOutcome outcome, CustomerState state) => outcome switch
    {
        TrainingOutcome.Resolved => "Resolved: the customer is satisfied.",
        TrainingOutcome.Abandoned => "Abandoned: the customer left angry.",
        _ => state.AskedForManager ? "Escalated: the customer insisted on a manager." : "Escalated: the turn limit was reached.",
    };
}
