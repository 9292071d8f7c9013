namespace Rapport.Cli.Input;

/// <summary>Opens input files (or standard input for <c>-</c>) with errors a user can act on.</summary>
internal static class InputFiles
{
    /// <summary>How standard input is named in messages.</summary>
    public const string StdinName = "<stdin>";

    /// <summary>Opens <paramref name="path"/> for line reading; <c>-</c> or null is standard input.</summary>
    /// <exception cref="CliException">The file is missing, a directory or unreadable.</exception>
    public static Utf8LineReader OpenLines(string? path, CliContext context)
    {
        if (path is null or "-")
        {
            return new Utf8LineReader(context.Input, StdinName, leaveOpen: true);
        }

        return new Utf8LineReader(Open(path), path);
    }

    /// <summary>Opens <paramref name="path"/> for sequential reading.</summary>
    /// <exception cref="CliException">The file is missing, a directory or unreadable.</exception>
    public static FileStream Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{path}: is a directory, not a file");
        }

        try
        {
            // bufferSize 1: the line reader buffers; a second buffer would only copy.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"{path}: no such file", exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new CliException($"{path}: permission denied", exception);
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"{path}: cannot open ({exception.Message})", exception);
        }
    }
}
