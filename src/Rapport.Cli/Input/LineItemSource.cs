namespace Rapport.Cli.Input;

/// <summary>
/// An <see cref="IItemSource{T}"/> that reads one record per line of a <see cref="Utf8LineReader"/>: it skips blank
/// lines (line numbers still count them), counts the records, and fails on an input with none. Subclasses parse.
/// </summary>
/// <param name="lines">The input; disposed with the source.</param>
/// <param name="emptyInput">What an input without records lacks, for the error message, e.g. "no messages".</param>
internal abstract class LineItemSource<T>(Utf8LineReader lines, string emptyInput) : IItemSource<T>
{
    /// <summary>The bytes that <see cref="IsWhitespace"/> counts as white space.</summary>
    protected static ReadOnlySpan<byte> Whitespace => " \t\r\f\v"u8;

    private int _count;

    public string Source => Lines.Source;

    public long Position => Lines.BytesConsumed;

    public int LinesRead => Lines.LineNumber;

    public long? Length => Lines.Length;

    /// <summary>The input, on the line being parsed.</summary>
    protected Utf8LineReader Lines { get; } = lines;

    public bool TryRead(out T item)
    {
        while (Lines.TryReadLine(out var line))
        {
            if (IsBlank(line))
            {
                continue;
            }

            _count++;
            item = Parse(line);
            return true;
        }

        if (_count == 0)
        {
            throw new CliException($"{Source}: empty input ({emptyInput})");
        }

        item = default!;
        return false;
    }

    public void Dispose() => Lines.Dispose();

    /// <summary>Whether <paramref name="line"/> holds only <see cref="Whitespace"/> (or nothing).</summary>
    protected static bool IsWhitespace(ReadOnlySpan<byte> line) => !line.ContainsAnyExcept(Whitespace);

    /// <summary>Whether a line is skipped; by default only an empty one is.</summary>
    protected virtual bool IsBlank(ReadOnlySpan<byte> line) => line.IsEmpty;

    /// <summary>Reads the record on a line that is not blank.</summary>
    /// <exception cref="CliException">The line is malformed.</exception>
    protected abstract T Parse(ReadOnlySpan<byte> line);

    /// <summary>An error at the line being parsed.</summary>
    protected CliException Error(string message) => CliException.At(Source, Lines.LineNumber, message);
}
