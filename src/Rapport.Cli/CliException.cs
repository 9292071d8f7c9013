namespace Rapport.Cli;

/// <summary>
/// A failure the user can fix (bad input, bad usage). <see cref="CliApp"/> prints its message as one line on stderr,
/// <c>rapport: error: MESSAGE</c>, and exits with <see cref="ExitCodes.BadInput"/>.
/// </summary>
/// <remarks>Messages about input name the place: <c>FILE:LINE: what is wrong</c>.</remarks>
internal sealed class CliException : Exception
{
    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CliException()
    {
    }

    /// <summary>A failure at a line of an input file.</summary>
    public static CliException At(string source, int line, string message) => new($"{source}:{line}: {message}");
}
