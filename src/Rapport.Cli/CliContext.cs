using System.Text;
using Rapport.Cli.Input;
using Rapport.Cli.Output;

namespace Rapport.Cli;

/// <summary>
/// The process's standard streams and what is known about them, so that commands run the same in the real process
/// and in tests.
/// </summary>
internal sealed class CliContext
{
    /// <summary>Standard input as bytes (decoded strictly as UTF-8 by the line readers).</summary>
    public required Stream Input { get; init; }

    /// <summary>Standard output: raw UTF-8 for JSON, text for people.</summary>
    public required OutputSink Output { get; init; }

    /// <summary>Standard error: error lines and progress.</summary>
    public required TextWriter Error { get; init; }

    public bool InputIsTerminal { get; init; }

    public bool OutputIsTerminal { get; init; }

    public bool ErrorIsTerminal { get; init; }

    /// <summary>True when colours are allowed (a terminal, NO_COLOR unset, TERM not "dumb").</summary>
    public bool Colors { get; init; }

    /// <summary>The clock (the report's "generated at"); tests may pass a fixed one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The width to render tables at.</summary>
    public int Width { get; init; } = 120;

    /// <summary>The real process's streams: unbuffered stdin bytes, a buffered UTF-8 stdout, stderr.</summary>
    public static CliContext FromProcess()
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var stdout = Console.OpenStandardOutput();
        var outputIsTerminal = !Console.IsOutputRedirected;
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            || string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        var width = 120;
        if (outputIsTerminal)
        {
            try
            {
                width = Math.Max(Console.WindowWidth, 40);
            }
            catch (IOException)
            {
                // No usable terminal size: keep the default.
            }
        }

        return new CliContext
        {
            Input = Console.OpenStandardInput(),
            Output = new OutputSink(new StreamWriter(stdout, utf8, 1 << 14) { AutoFlush = false }, stdout),
            Error = new StreamWriter(Console.OpenStandardError(), utf8, 1 << 10) { AutoFlush = true },
            InputIsTerminal = !Console.IsInputRedirected,
            OutputIsTerminal = outputIsTerminal,
            ErrorIsTerminal = !Console.IsErrorRedirected,
            Colors = outputIsTerminal && !noColor,
            Width = width,
        };
    }

    /// <summary>Streams for tests or embedding: nothing is a terminal, no colours.</summary>
    public static CliContext FromWriters(TextReader input, TextWriter output, TextWriter error) => new()
    {
        Input = new TextReaderStream(input),
        Output = new OutputSink(output, stream: null),
        Error = error,
    };
}
