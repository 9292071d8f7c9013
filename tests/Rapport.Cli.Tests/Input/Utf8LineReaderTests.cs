using System.Text;
using Rapport.Cli.Input;

namespace Rapport.Cli.Tests.Input;

public sealed class Utf8LineReaderTests
{
    [Fact]
    public void TryReadLine_MixedEndings_SplitsAndCountsLines()
    {
        var lines = ReadAll("one\r\ntwo\n\nfour");

        Assert.Equal([(1, "one"), (2, "two"), (3, ""), (4, "four")], lines);
    }

    [Fact]
    public void TryReadLine_ByteOrderMark_IsSkipped()
    {
        Assert.Equal([(1, "héllo")], ReadAll("\uFEFFhéllo\n"));
    }

    [Fact]
    public void TryReadLine_LinesLongerThanTheBuffer_AreWhole()
    {
        var long1 = new string('a', 200_000);
        var long2 = string.Concat(Enumerable.Repeat("日本語 ", 50_000));

        var lines = ReadAll($"{long1}\nshort\n{long2}\n", chunk: 777);

        Assert.Equal([(1, long1), (2, "short"), (3, long2)], lines);
    }

    [Fact]
    public void BytesConsumed_AfterAllLines_IsTheStreamLength()
    {
        var bytes = Encoding.UTF8.GetBytes("ab\r\ncd\nef");
        using var reader = new Utf8LineReader(new MemoryStream(bytes), "mem");
        while (reader.TryReadLine(out _))
        {
        }

        Assert.Equal(bytes.Length, reader.BytesConsumed);
        Assert.Equal(bytes.Length, reader.Length);
    }

    [Fact]
    public void Decode_InvalidUtf8_NamesSourceLineAndByte()
    {
        byte[] bytes = [.. "ok\nab"u8, 0xC0, 0xAF, .. "\n"u8];
        using var reader = new Utf8LineReader(new MemoryStream(bytes), "in.txt");
        reader.TryReadLine(out var first);
        Assert.Equal("ok", reader.Decode(first));
        reader.TryReadLine(out _);

        var bad = bytes.AsSpan(3, 4).ToArray();
        var error = Assert.Throws<CliException>(() => reader.Decode(bad));

        Assert.Equal("in.txt:2: invalid UTF-8 (byte 0xC0 at byte 3 of the line)", error.Message);
    }

    [Fact]
    public void TextReaderStream_SurrogatePairsAcrossReads_EncodeIntact()
    {
        var text = string.Concat(Enumerable.Repeat("a😀", 5_000)) + "\nend";
        using var reader = new Utf8LineReader(new TextReaderStream(new StringReader(text)), "<stdin>");

        Assert.True(reader.TryReadLine(out var first));
        Assert.Equal(text[..text.IndexOf('\n')], reader.Decode(first));
        Assert.True(reader.TryReadLine(out var second));
        Assert.Equal("end", reader.Decode(second));
        Assert.False(reader.TryReadLine(out _));
    }

    [Fact]
    public void LineTextReader_Always_ServesTheLinesWithNewlines()
    {
        using var reader = new LineTextReader(new Utf8LineReader(new MemoryStream("a,b\r\n\"c\nd\"\n"u8.ToArray()), "x.csv"));

        Assert.Equal("a,b\n\"c\nd\"\n", reader.ReadToEnd());
        Assert.Equal(-1, reader.Peek());
    }

    private static List<(int Line, string Text)> ReadAll(string text, int chunk = int.MaxValue)
    {
        using var reader = new Utf8LineReader(new ChunkedStream(Encoding.UTF8.GetBytes(text), chunk), "test");
        var lines = new List<(int, string)>();
        while (reader.TryReadLine(out var line))
        {
            lines.Add((reader.LineNumber, reader.Decode(line)));
        }

        return lines;
    }

    /// <summary>Returns at most <c>chunk</c> bytes per read, as pipes do.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
