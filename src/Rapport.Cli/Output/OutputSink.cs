using System.Text;

namespace Rapport.Cli.Output;

/// <summary>
/// Standard output, written either as text (tables, replies) or as raw UTF-8 (JSON lines, without a round trip
/// through UTF-16). A write to a closed pipe (<c>rapport analyze … | head</c>) becomes <see cref="OutputClosedException"/>.
/// </summary>
internal sealed class OutputSink(TextWriter text, Stream? stream)
{
    /// <summary>The text view of standard output (buffered; flushed before raw bytes and at the end).</summary>
    public TextWriter Text { get; } = text;

    /// <summary>Writes UTF-8 bytes, in order after any text written before.</summary>
    public void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        try
        {
            if (stream is null)
            {
                Text.Write(Encoding.UTF8.GetString(utf8));
                return;
            }

            Text.Flush();
            stream.Write(utf8);
        }
        catch (IOException exception)
        {
            throw new OutputClosedException(exception);
        }
    }

    public void Flush()
    {
        try
        {
            Text.Flush();
            stream?.Flush();
        }
        catch (IOException exception)
        {
            throw new OutputClosedException(exception);
        }
    }
}

/// <summary>Standard output can no longer be written (the reader went away).</summary>
internal sealed class OutputClosedException : IOException
{
    public OutputClosedException(Exception innerException)
        : base("standard output was closed", innerException)
    {
    }

    public OutputClosedException()
    {
    }

    public OutputClosedException(string message)
        : base(message)
    {
    }

    public OutputClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
