using System.Text;
using System.Text.Unicode;

namespace Rapport.Cli.Input;

/// <summary>
/// Reads a stream line by line as UTF-8 bytes, counting lines, without decoding more than the caller asks for.
/// Lines end at <c>\n</c> (a preceding <c>\r</c> is dropped); a leading byte order mark is skipped.
/// </summary>
/// <remarks>
/// Decoding is strict and per line (<see cref="Decode"/>), so invalid UTF-8 is reported at the line that holds it; a
/// <see cref="StreamReader"/> decodes whole buffers ahead of the line being read and would blame the wrong line.
/// Memory stays bounded by the longest line, itself capped at <see cref="MaxLineBytes"/>.
/// </remarks>
internal sealed class Utf8LineReader : IDisposable
{
    /// <summary>A line longer than this is rejected rather than buffered (64 MiB).</summary>
    public const int MaxLineBytes = 64 << 20;

    private const int InitialBufferSize = 1 << 16;
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;
    private int _scanned;
    private bool _endOfStream;
    private bool _atStart = true;
    private long _consumed;

    public Utf8LineReader(Stream stream, string source, bool leaveOpen = false)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        Source = source;
        try
        {
            Length = stream.CanSeek ? stream.Length : null;
        }
        catch (IOException)
        {
            Length = null;
        }
    }

    /// <summary>How the input is named in messages: a path, or <c>&lt;stdin&gt;</c>.</summary>
    public string Source { get; }

    /// <summary>The number (from 1) of the line last returned by <see cref="TryReadLine"/>.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Bytes consumed up to the end of the last line returned.</summary>
    public long BytesConsumed => _consumed;

    /// <summary>The input's size in bytes when known (files), for progress.</summary>
    public long? Length { get; }

    /// <summary>Reads the next line's bytes (valid until the next call), without its line break.</summary>
    /// <returns>False at the end of the input.</returns>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = _scanned + newline;
                line = Take(lineEnd, lineEnd + 1);
                return true;
            }

            _scanned = _end;
            if (_endOfStream)
            {
                if (_start < _end)
                {
                    line = Take(_end, _end);
                    return true;
                }

                line = default;
                return false;
            }

            Fill();
        }
    }

    /// <summary>Decodes a line strictly, or fails naming the line and the first invalid byte.</summary>
    /// <exception cref="CliException">The bytes are not valid UTF-8.</exception>
    public string Decode(ReadOnlySpan<byte> line)
    {
        ThrowIfInvalid(line);
        return line.IsEmpty ? "" : StrictUtf8.GetString(line);
    }

    /// <summary>Fails naming the line and the first invalid byte when <paramref name="line"/> is not valid UTF-8.</summary>
    /// <exception cref="CliException">The bytes are not valid UTF-8.</exception>
    public void ThrowIfInvalid(ReadOnlySpan<byte> line)
    {
        if (Utf8.IsValid(line))
        {
            return;
        }

        var offset = 0;
        while (Rune.DecodeFromUtf8(line[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            offset += consumed;
        }

        throw CliException.At(Source, LineNumber, $"invalid UTF-8 (byte 0x{line[offset]:X2} at byte {offset + 1} of the line)");
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private ReadOnlySpan<byte> Take(int lineEnd, int next)
    {
        LineNumber++;
        var length = lineEnd - _start;
        if (length > 0 && _buffer[lineEnd - 1] == (byte)'\r')
        {
            length--;
        }

        var line = new ReadOnlySpan<byte>(_buffer, _start, length);
        _consumed += next - _start;
        _start = next;
        _scanned = next;
        return line;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            // Move the partial line to the front.
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _scanned -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxLineBytes)
            {
                throw CliException.At(Source, LineNumber + 1, $"the line is longer than {MaxLineBytes >> 20} MiB");
            }

            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxLineBytes));
        }

        int read;
        try
        {
            read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (IOException exception)
        {
            throw new CliException($"{Source}: cannot read ({exception.Message})", exception);
        }

        if (read == 0)
        {
            _endOfStream = true;
            return;
        }

        if (_atStart)
        {
            _atStart = false;
            if (_buffer.AsSpan(0, _end + read).StartsWith("\uFEFF"u8))
            {
                _buffer.AsSpan(3, _end + read - 3).CopyTo(_buffer);
                read -= 3;
                _consumed += 3;
            }
        }

        _end += read;
    }
}
