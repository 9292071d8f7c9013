using System.CommandLine;
using System.CommandLine.Help;
using Rapport.Cli.Commands;
using Rapport.Cli.Output;

namespace Rapport.Cli;

/// <summary>
/// The <c>rapport</c> command line: parses arguments, runs a command and turns every failure into one line on stderr
/// and an exit code (never a stack trace).
/// </summary>
internal static class CliApp
{
    /// <summary>Runs the CLI in-process over the given streams (tests, embedding).</summary>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static Task<int> RunAsync(
        string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, CliContext.FromWriters(stdin, stdout, stderr), cancellationToken);

    /// <summary>Runs the CLI over <paramref name="context"/>'s streams.</summary>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        try
        {
            var root = CreateRootCommand(context);
            var parseResult = root.Parse(args.Length == 0 ? ["--help"] : args);
            if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
            {
                return Fail(context, $"{Describe(parseResult.Errors)} (see '{CommandPath(parseResult)} --help')", ExitCodes.BadInput);
            }

            var configuration = new InvocationConfiguration
            {
                Output = context.Output.Text,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null, // Program.cs owns Ctrl+C and passes it on as the token.
            };
            var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
            context.Output.Flush();
            return exitCode;
        }
        catch (Exception exception)
        {
            return Report(context, exception, cancellationToken);
        }
    }

    private static RootCommand CreateRootCommand(CliContext context)
    {
        var root = new RootCommand(
            "Rapport: read customers' emotions, review agents' replies for empathy, compose empathetic replies, practise with simulated customers.\n" +
            "The desk server: ./rapport serve [server options] (the repository's wrapper runs src/Rapport.Server).");
        root.Subcommands.Add(AnalyzeCommand.Create(context));
        root.Subcommands.Add(ReviewCommand.Create(context));
        root.Subcommands.Add(ComposeCommand.Create(context));
        root.Subcommands.Add(EvalCommand.Create(context));
        root.Subcommands.Add(BenchCommand.Create(context));
        root.Subcommands.Add(TrainCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(GenerateCommand.Create(context));
        root.Subcommands.Add(KbCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        return root;
    }

    private static string CommandPath(ParseResult parseResult) =>
        parseResult.CommandResult.Command is RootCommand ? "rapport" : $"rapport {parseResult.CommandResult.Command.Name}";

    /// <summary>The most telling parse error, in words rather than .NET type names.</summary>
    private static string Describe(IReadOnlyList<System.CommandLine.Parsing.ParseError> errors)
    {
        // "Unrecognized command or argument 'x'" explains more than the "Required command was not provided" it causes.
        var error = errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? errors[0];
        return error.Message
            .Replace("as expected type 'System.Int32'", "as a whole number", StringComparison.Ordinal)
            .Replace("as expected type 'System.Double'", "as a number", StringComparison.Ordinal)
            .Replace("as expected type 'System.Nullable`1[System.Boolean]'", "as true or false", StringComparison.Ordinal)
            .Replace("as expected type 'System.Boolean'", "as true or false", StringComparison.Ordinal)
            .TrimEnd('.');
    }

    private static int Report(CliContext context, Exception exception, CancellationToken cancellationToken)
    {
        while (exception is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        try
        {
            context.Output.Flush();
        }
        catch (OutputClosedException)
        {
            return ExitCodes.Success;
        }
        catch (IOException)
        {
            // Nothing more can be written to stdout; still report the original failure on stderr.
        }

        return exception switch
        {
            CliException => Fail(context, exception.Message, ExitCodes.BadInput),
            OutputClosedException => ExitCodes.Success, // stdout was closed early (e.g. `| head`): not an error.
            OperationCanceledException when cancellationToken.IsCancellationRequested => Fail(context, "cancelled", ExitCodes.Cancelled),
            _ => Fail(context, $"internal error: {OneLine(exception.Message)} ({exception.GetType().Name})", ExitCodes.InternalError),
        };
    }

    private static int Fail(CliContext context, string message, int exitCode)
    {
        try
        {
            context.Error.WriteLine($"rapport: error: {OneLine(message)}");
            context.Error.Flush();
        }
        catch (IOException)
        {
            // stderr is gone too: the exit code is all that is left.
        }

        return exitCode;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
