using Rapport.Core.Coaching;
using Rapport.Core.Emotions;
using Spectre.Console;

namespace Rapport.Cli.Rendering;

/// <summary>Colours and markup shared by the renderers. Every colour doubles a word, so output reads without colour.</summary>
internal static class Palette
{
    public static Color Of(SupportEmotion emotion) => emotion switch
    {
        SupportEmotion.Anger => Color.Red,
        SupportEmotion.Frustration => Color.DarkOrange,
        SupportEmotion.Disappointment => Color.MediumPurple,
        SupportEmotion.Worry => Color.Yellow,
        SupportEmotion.Confusion => Color.Aqua,
        SupportEmotion.Impatience => Color.Orange1,
        SupportEmotion.Gratitude => Color.Green,
        SupportEmotion.Relief => Color.SpringGreen2,
        _ => Color.Grey,
    };

    /// <summary>A label in its colour.</summary>
    public static string Label(SupportEmotion emotion) => $"[{Of(emotion).ToMarkup()}]{emotion.Name()}[/]";

    /// <summary>Labels in their colours, space-separated.</summary>
    public static string Labels(IReadOnlyList<SupportEmotion> emotions) =>
        emotions.Count == 0 ? "[grey]neutral[/]" : string.Join(" ", emotions.Select(Label));

    /// <summary>A 0–100 score: green when good, yellow when fair, red when poor.</summary>
    public static Color ForScore(int score) => score >= 85 ? Color.Green : score >= 60 ? Color.Yellow : Color.Red;

    /// <summary>Valence in [-1, 1]: red when negative, green when positive.</summary>
    public static string Valence(double valence)
    {
        var color = valence <= -0.05 ? "red" : valence >= 0.05 ? "green" : "grey";
        return $"[{color}]{valence:+0.00;-0.00;0.00}[/]";
    }

    /// <summary>A risk in [0, 1], worded and coloured (high from 0.5).</summary>
    public static string Risk(double risk)
    {
        var (word, color) = risk >= 0.5 ? ("high", "red") : risk >= 0.25 ? ("medium", "yellow") : ("low", "green");
        return $"[{color}]{risk:0.00} {word}[/]";
    }

    /// <summary>A horizontal bar of <paramref name="width"/> cells for a value in [0, 1].</summary>
    public static string Bar(double value, int width, Color color)
    {
        var filled = (int)Math.Round(Math.Clamp(value, 0, 1) * width);
        return $"[{color.ToMarkup()}]{new string('█', filled)}[/][grey]{new string('·', width - filled)}[/]";
    }

    public static string Status(FindingStatus status) => status switch
    {
        FindingStatus.Met => "[green]✓ met[/]",
        FindingStatus.Missed => "[red]✗ missed[/]",
        _ => "[grey]– n/a[/]",
    };

    public static string Level(MechanismLevel level) => level switch
    {
        MechanismLevel.Strong => "[green]●● strong[/]",
        MechanismLevel.Weak => "[yellow]●○ weak[/]",
        _ => "[grey]○○ none[/]",
    };

    /// <summary>A message shortened to <paramref name="max"/> characters on one line, escaped for markup.</summary>
    public static string Excerpt(string text, int max)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return Markup.Escape(oneLine.Length <= max ? oneLine : string.Concat(oneLine.AsSpan(0, max - 1), "…"));
    }
}
