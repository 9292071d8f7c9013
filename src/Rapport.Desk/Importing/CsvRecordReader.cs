using System.Text;

namespace Rapport.Desk.Importing;

/// <summary>
/// RFC 4180 records: comma-separated fields, double-quoted fields may hold commas, quotes (doubled) and line breaks;
/// records end at CRLF or LF. Blank lines are skipped. Tracks the 1-based line each record starts on.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder _field = new();
    private int _line = 1;

    /// <summary>Reads the next record into <paramref name="fields"/>.</summary>
    /// <returns>False at the end of the input.</returns>
    public bool Next(List<string> fields, out int startLine, out string? error)
    {
        fields.Clear();
        error = null;
        SkipBlankLines();
        startLine = _line;
        if (reader.Peek() == -1)
        {
            return false;
        }

        while (true)
        {
            _field.Clear();
            int next;
            if (reader.Peek() == '"')
            {
                reader.Read();
                if (!ReadQuoted())
                {
                    error = "a quoted field is not closed";
                    return true;
                }

                next = reader.Read();
                if (next is not (',' or '\r' or '\n' or -1))
                {
                    error = "text after a closing quote (quotes inside a field are doubled: \"\")";
                    SkipToLineEnd(next);
                    return true;
                }
            }
            else
            {
                while ((next = reader.Read()) is not (',' or '\r' or '\n' or -1))
                {
                    _field.Append((char)next);
                }
            }

            fields.Add(_field.ToString());
            if (next == ',')
            {
                continue;
            }

            EndLine(next);
            return true;
        }
    }

    private bool ReadQuoted()
    {
        while (true)
        {
            var c = reader.Read();
            switch (c)
            {
                case -1:
                    return false;
                case '"' when reader.Peek() == '"':
                    reader.Read();
                    _field.Append('"');
                    break;
                case '"':
                    return true;
                case '\n':
                    _line++;
                    _field.Append('\n');
                    break;
                default:
                    _field.Append((char)c);
                    break;
            }
        }
    }

    private void SkipBlankLines()
    {
        while (reader.Peek() is '\r' or '\n')
        {
            EndLine(reader.Read());
        }
    }

    private void SkipToLineEnd(int c)
    {
        while (c is not ('\r' or '\n' or -1))
        {
            c = reader.Read();
        }

        EndLine(c);
    }

    /// <summary>After a CR, LF or the end: counts the line (CRLF once).</summary>
    private void EndLine(int c)
    {
        if (c == -1)
        {
            return;
        }

        if (c == '\r' && reader.Peek() == '\n')
        {
            reader.Read();
        }

        _line++;
    }
}
