using System.Text;

namespace Rapport.Cli.Input;

/// <summary>
/// A read-only stream of the UTF-8 encoding of a <see cref="TextReader"/>'s text, so that in-process callers (tests)
/// feed the same byte-level line readers as the real standard input.
/// </summary>
internal sealed class TextReaderStream(TextReader reader) : Stream
{
    private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
    private readonly char[] _chars = new char[4096];
    private readonly byte[] _pending = new byte[4096 * 3 + 4];
    private int _pendingStart;
    private int _pendingEnd;
    private bool _ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_pendingStart == _pendingEnd)
        {
            if (_ended)
            {
                return 0;
            }

            var read = reader.Read(_chars, 0, _chars.Length);
            _ended = read == 0;
            _pendingStart = 0;
            _pendingEnd = _encoder.GetBytes(_chars.AsSpan(0, read), _pending, flush: _ended);
            if (_pendingEnd == 0)
            {
                return _ended ? 0 : Read(buffer);
            }
        }

        var n = Math.Min(buffer.Length, _pendingEnd - _pendingStart);
        _pending.AsSpan(_pendingStart, n).CopyTo(buffer);
        _pendingStart += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
