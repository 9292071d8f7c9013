using System.CommandLine;
using Rapport.Cli.Importing;

namespace Rapport.Cli.Commands;

/// <summary>
/// <c>rapport generate FILE</c>: writes deterministic synthetic support conversations as JSON lines, for trying
/// <c>rapport import</c> and for the import benchmark (docs/benchmarks.md).
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "Where to write the JSON lines ('-' for stdout)." };
        var messages = new Option<int>("--messages", "-n") { Description = "How many messages (default 50,000).", HelpName = "N", DefaultValueFactory = _ => 50_000 };
        var seed = new Option<int>("--seed") { Description = "The same seed gives the same file (default 1).", HelpName = "N", DefaultValueFactory = _ => 1 };
        var command = new Command("generate", "Write synthetic support conversations (JSON lines for 'rapport import'), the same for the same seed.")
        {
            file, messages, seed,
        };
        command.SetAction(parseResult =>
        {
            var count = parseResult.GetValue(messages);
            if (count is < 1 or > 100_000_000)
            {
                throw new CliException("--messages must be between 1 and 100000000");
            }

            var path = parseResult.GetValue(file)!;
            var generator = new SyntheticConversations(parseResult.GetValue(seed));
            if (path == "-")
            {
                using var buffer = new MemoryStream();
                generator.WriteJsonLines(buffer, count);
                context.Output.WriteUtf8(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
                return ExitCodes.Success;
            }

            try
            {
                using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                generator.WriteJsonLines(stream, count);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new CliException($"{path}: cannot write ({exception.Message})", exception);
            }

            context.Error.WriteLine($"wrote {count:N0} messages to {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
