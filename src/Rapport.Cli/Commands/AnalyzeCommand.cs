using System.CommandLine;
using Rapport.Cli.Input;
using Rapport.Cli.Output;
using Rapport.Cli.Rendering;
using Rapport.Core.Emotions;

namespace Rapport.Cli.Commands;

/// <summary>
/// <c>rapport analyze</c>: reads customers' emotions in a message (argument), in every line of a file, or in stdin.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliContext context)
    {
        var text = new Argument<string[]>("text")
        {
            Description = "The message to analyse (words are joined with spaces). Without it, messages are read from --input or stdin.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var input = CommonOptions.Input("Read messages from FILE ('-' for stdin): one per line, or JSON lines with a \"text\" field (and an optional \"id\", echoed back).");
        var json = CommonOptions.Json("Print one JSON object per message, in input order.");
        var progress = CommonOptions.Progress();
        var command = new Command("analyze", "Read the customer's emotions: support labels and scores, Ekman and sentiment schemes, valence, intensity, escalation risk, evidence.")
        {
            text, input, json, progress,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            Words(parseResult, text),
            parseResult.GetValue(input),
            parseResult.GetValue(json),
            parseResult.GetValue(progress),
            cancellationToken));
        return command;
    }

    /// <summary>
    /// The text's words; a word that looks like an option is a typo (e.g. --jsno) unless it follows "--".
    /// </summary>
    private static string[] Words(ParseResult parseResult, Argument<string[]> text)
    {
        var words = parseResult.GetValue(text) ?? [];
        var afterDoubleDash = parseResult.Tokens.Any(t => t.Type == System.CommandLine.Parsing.TokenType.DoubleDash);
        var optionLike = words.FirstOrDefault(w => w.Length > 1 && w[0] == '-' && !w.Any(char.IsWhiteSpace));
        return optionLike is not null && !afterDoubleDash
            ? throw new CliException($"unknown option '{optionLike}' (to analyse text that starts with '-', put it after '--')")
            : words;
    }

    private static async Task<int> RunAsync(
        CliContext context, string[] words, string? inputPath, bool json, bool progress, CancellationToken cancellationToken)
    {
        var analyzer = EmotionAnalyzer.Default;
        if (words.Length > 0)
        {
            if (inputPath is not null)
            {
                throw new CliException("give either a text argument or --input, not both");
            }

            var message = CommonOptions.RequireText(string.Join(' ', words), "the text");
            var reading = analyzer.Analyze(message);
            if (json)
            {
                JsonOutput.WriteLine(context.Output, writer => ReadingJson.Write(writer, reading, message));
            }
            else
            {
                ReadingRenderer.RenderDetailed(Consoles.Create(context), message, reading);
            }

            return ExitCodes.Success;
        }

        using var source = new MessageReader(InputFiles.OpenLines(inputPath, context));
        return await RecordOutput.RunAsync<Message, EmotionReading>(
            context,
            source,
            message => analyzer.Analyze(message.Text),
            json,
            ProgressReporter.Create(context, progress, "analyze", source.Length),
            (writer, message, reading) => ReadingJson.WriteProperties(writer, reading, message.Text),
            (console, message, reading) => ReadingRenderer.RenderDetailed(console, message.Text, reading),
            ReadingRenderer.RenderTable,
            cancellationToken).ConfigureAwait(false);
    }
}
