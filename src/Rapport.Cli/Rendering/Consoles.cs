using Spectre.Console;

namespace Rapport.Cli.Rendering;

/// <summary>Spectre consoles over the CLI's stdout: coloured on a terminal, plain text otherwise (and with NO_COLOR).</summary>
internal static class Consoles
{
    /// <summary>A console writing to <paramref name="context"/>'s stdout.</summary>
    public static IAnsiConsole Create(CliContext context)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = context.Colors ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = context.Colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(context.Output.Text),
        });
        console.Profile.Width = context.Width;
        console.Profile.Capabilities.Unicode = true;
        return console;
    }
}
