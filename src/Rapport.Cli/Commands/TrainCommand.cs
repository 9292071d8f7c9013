using System.CommandLine;
using Rapport.Cli.Input;
using Rapport.Cli.Rendering;
using Rapport.Core.Training;

namespace Rapport.Cli.Commands;

/// <summary>
/// <c>rapport train</c>: a role-play session with a simulated customer. Reads one reply per line from stdin (a
/// terminal or a pipe), shows the customer's answer with a per-turn score and tip, and ends with the score card. End of
/// input before the conversation ends prints the score card so far and exits 0; <c>/quit</c> does the same.
/// </summary>
internal static class TrainCommand
{
    public const string Quit = "/quit";

    public static Command Create(CliContext context)
    {
        var scenarioOption = new Option<string?>("--scenario", "-s") { Description = "The scenario to play (see --list); chosen by the seed when omitted.", HelpName = "ID" };
        var seedOption = new Option<int?>("--seed") { Description = "Chooses the customer's phrasings; the same seed and replies give the same conversation. Random when omitted.", HelpName = "N" };
        var list = new Option<bool>("--list") { Description = "List the scenarios and exit." };
        var command = new Command("train", "Practise empathy: role-play a support conversation with a simulated customer, scored turn by turn by the coach. One reply per line; /quit ends.")
        {
            scenarioOption, seedOption, list,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var library = ScenarioLibrary.Default;
            var console = Consoles.Create(context);
            if (parseResult.GetValue(list))
            {
                TrainRenderer.RenderList(console, library);
                return Task.FromResult(ExitCodes.Success);
            }

            var seed = parseResult.GetValue(seedOption) ?? Random.Shared.Next(1, 10_000);
            var id = parseResult.GetValue(scenarioOption);
            var scenario = id is null
                ? library.Scenarios[(int)((uint)seed % (uint)library.Scenarios.Count)]
                : library.Find(id) ?? throw new CliException($"unknown scenario '{id}' (see 'rapport train --list')");
            return RunAsync(context, console, TrainingSession.Start(scenario, seed), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, Spectre.Console.IAnsiConsole console, TrainingSession session, CancellationToken cancellationToken)
    {
        TrainRenderer.RenderStart(console, session);
        using var lines = new Utf8LineReader(context.Input, "<stdin>", leaveOpen: true);
        var ended = false;
        while (!session.IsOver)
        {
            if (context.InputIsTerminal)
            {
                TrainRenderer.RenderPrompt(console);
            }

            context.Output.Flush();
            var reply = await ReadLineAsync(lines, cancellationToken).ConfigureAwait(false);
            if (reply is null)
            {
                ended = true;
                break;
            }

            reply = reply.Trim();
            if (!context.InputIsTerminal)
            {
                TrainRenderer.RenderEcho(console, reply);
            }

            if (reply.Length == 0)
            {
                continue;
            }

            if (reply.Equals(Quit, StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            TrainRenderer.RenderTurn(console, session, session.Reply(reply));
        }

        if (ended)
        {
            TrainRenderer.RenderInputEnded(console);
        }

        var card = session.ScoreCard();
        TrainRenderer.RenderScoreCard(console, session.Scenario, card, ScenarioSuggester.Suggest([card], ScenarioLibrary.Default));
        return ExitCodes.Success;
    }

    /// <summary>
    /// The next line, or null at the end of input. A read from a terminal blocks until Enter, so it runs off the
    /// calling thread and Ctrl+C (the token) ends the wait at once instead of after the next line.
    /// </summary>
    private static Task<string?> ReadLineAsync(Utf8LineReader lines, CancellationToken cancellationToken) =>
        Task.Run(() => lines.TryReadLine(out var bytes) ? lines.Decode(bytes) : null, CancellationToken.None).WaitAsync(cancellationToken);
}
