using System.Text;

namespace Rapport.Cli.Importing;

/// <summary>
/// Cuts an import file into request bodies of at most a given number of lines (CSV records) and bytes, keeping the
/// file's bytes as they are: a CSV chunk starts with the header row again, and a quoted field that spans lines is never
/// split (a record continues while it holds an odd number of double quotes, which is exact for RFC 4180 quoting).
/// </summary>
internal sealed class ImportChunker(TextReader reader, ImportFormat format, int linesPerChunk, int maxChunkBytes)
{
    private readonly StringBuilder _line = new();
    private string? _header;
    private int _headerLines;
    private int _nextLine = 1;
    private long _bytes;
    private (string Text, int Lines)? _pending;

    /// <summary>The next chunk, or null at the end of the file.</summary>
    /// <exception cref="CliException">A single record is larger than a chunk may be.</exception>
    public ImportChunk? Next()
    {
        if (format == ImportFormat.Csv && _header is null)
        {
            var header = ReadRecord();
            while (header is { } blank && string.IsNullOrWhiteSpace(blank.Text))
            {
                header = ReadRecord();
            }

            if (header is null)
            {
                return null;
            }

            _header = header.Value.Text;
            _headerLines = header.Value.Lines;
        }

        var body = new StringBuilder(_header);
        var headerBytes = _header is null ? 0 : Encoding.UTF8.GetByteCount(_header);
        var bodyBytes = headerBytes;
        var first = _nextLine;
        var records = 0;
        if (_pending is { } pending)
        {
            // The record that did not fit the previous chunk.
            first = _nextLine - pending.Lines;
            Append(pending.Text);
            _pending = null;
        }

        while (records < linesPerChunk && ReadRecord() is { } record)
        {
            var size = Encoding.UTF8.GetByteCount(record.Text);
            if (size + headerBytes > maxChunkBytes)
            {
                throw new CliException($"line {_nextLine - record.Lines}: a single record is larger than a request may be ({maxChunkBytes:N0} bytes)");
            }

            if (bodyBytes + size > maxChunkBytes)
            {
                _pending = record;
                break;
            }

            Append(record.Text);
        }

        return records == 0 ? null : new ImportChunk(body.ToString(), first, format == ImportFormat.Csv ? _headerLines : 0, records, _bytes);

        void Append(string text)
        {
            body.Append(text);
            bodyBytes += Encoding.UTF8.GetByteCount(text);
            if (!string.IsNullOrWhiteSpace(text))
            {
                records++;
            }
        }
    }

    /// <summary>One record: a line, or for CSV as many lines as its quoted fields span, with their line breaks.</summary>
    private (string Text, int Lines)? ReadRecord()
    {
        var start = _nextLine;
        var text = new StringBuilder();
        var quotes = 0;
        do
        {
            var line = ReadLine();
            if (line is null)
            {
                break;
            }

            text.Append(line);
            if (format == ImportFormat.Csv)
            {
                foreach (var ch in line)
                {
                    quotes += ch == '"' ? 1 : 0;
                }
            }
        }
        while (quotes % 2 == 1);

        return text.Length == 0 ? null : (text.ToString(), _nextLine - start);
    }

    /// <summary>A physical line with its terminator (none at the end of the file).</summary>
    private string? ReadLine()
    {
        _line.Clear();
        int c;
        while ((c = reader.Read()) != -1)
        {
            _line.Append((char)c);
            if (c == '\n')
            {
                break;
            }
        }

        if (_line.Length == 0)
        {
            return null;
        }

        if (c == -1)
        {
            // The last line may lack its line break; the chunk after it must still start on a new line.
            _line.Append('\n');
        }

        _nextLine++;
        var text = _line.ToString();
        _bytes += Encoding.UTF8.GetByteCount(text);
        return text;
    }
}

/// <summary>One request body of an import.</summary>
/// <param name="Body">The lines (after the CSV header, when there is one), exactly as in the file.</param>
/// <param name="FirstLine">The file line the first record after the header starts on.</param>
/// <param name="HeaderLines">How many lines the repeated CSV header takes at the top of the body (0 for JSON lines).</param>
/// <param name="Records">Non-blank lines (CSV records) in the body.</param>
/// <param name="BytesRead">Bytes of the file read so far (for progress).</param>
internal sealed record ImportChunk(string Body, int FirstLine, int HeaderLines, int Records, long BytesRead)
{
    /// <summary>The file line of line <paramref name="bodyLine"/> of the body (as the server numbers them).</summary>
    public int FileLine(int bodyLine) => FirstLine + bodyLine - 1 - HeaderLines;
}
