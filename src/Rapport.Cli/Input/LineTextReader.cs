namespace Rapport.Cli.Input;

/// <summary>
/// A <see cref="TextReader"/> over a <see cref="Utf8LineReader"/>: streams the text with <c>\n</c> line breaks while
/// decoding strictly line by line, so that invalid UTF-8 is reported with its line number even by readers (such as
/// the EPITOME CSV reader) that only see characters.
/// </summary>
internal sealed class LineTextReader(Utf8LineReader lines) : TextReader
{
    private string? _line; // the current line; its line break follows at _line.Length
    private int _position;
    private bool _ended;

    public override int Peek() => Fill() ? Current() : -1;

    public override int Read()
    {
        if (!Fill())
        {
            return -1;
        }

        var c = Current();
        _position++;
        return c;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lines.Dispose();
        }

        base.Dispose(disposing);
    }

    private char Current() => _position < _line!.Length ? _line[_position] : '\n';

    private bool Fill()
    {
        if (_line is not null && _position <= _line.Length)
        {
            return true;
        }

        if (_ended || !lines.TryReadLine(out var bytes))
        {
            _ended = true;
            _line = null;
            return false;
        }

        _line = lines.Decode(bytes);
        _position = 0;
        return true;
    }
}
