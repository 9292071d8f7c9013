using Rapport.Cli.Importing;

namespace Rapport.Cli.Tests.Importing;

public sealed class ImportChunkerTests
{
    private static List<ImportChunk> Chunks(string text, ImportFormat format, int lines, int maxBytes = 1 << 20)
    {
        var chunker = new ImportChunker(new StringReader(text), format, lines, maxBytes);
        var chunks = new List<ImportChunk>();
        while (chunker.Next() is { } chunk)
        {
            chunks.Add(chunk);
        }

        return chunks;
    }

    [Fact]
    public void Next_JsonLines_SplitsByLineCountAndMapsLinesBack()
    {
        var chunks = Chunks("{\"a\":1}\n{\"a\":2}\n\n{\"a\":3}\r\n{\"a\":4}", ImportFormat.JsonLines, lines: 2);

        Assert.Equal(2, chunks.Count);
        Assert.Equal("{\"a\":1}\n{\"a\":2}\n", chunks[0].Body);
        Assert.Equal("\n{\"a\":3}\r\n{\"a\":4}\n", chunks[1].Body);
        Assert.Equal(1, chunks[0].FileLine(1));
        Assert.Equal(4, chunks[1].FileLine(2)); // the blank line stays in the body, so numbers map one to one
        Assert.Equal(5, chunks[1].FileLine(3));
    }

    [Fact]
    public void Next_Csv_RepeatsTheHeaderAndNeverSplitsAQuotedMultiLineField()
    {
        const string Csv = "key,text\r\n1,\"first\nsecond, \"\"quoted\"\"\nthird\"\r\n2,plain\r\n3,\"a\nb\"\r\n";

        var chunks = Chunks(Csv, ImportFormat.Csv, lines: 1);

        Assert.Equal(3, chunks.Count);
        Assert.Equal("key,text\r\n1,\"first\nsecond, \"\"quoted\"\"\nthird\"\r\n", chunks[0].Body);
        Assert.Equal("key,text\r\n2,plain\r\n", chunks[1].Body);
        Assert.Equal("key,text\r\n3,\"a\nb\"\r\n", chunks[2].Body);
        Assert.Equal(2, chunks[0].FileLine(2)); // body line 1 is the header
        Assert.Equal(5, chunks[1].FileLine(2));
        Assert.Equal(6, chunks[2].FileLine(2));
    }

    [Fact]
    public void Next_ChunkWouldPassTheByteLimit_StartsANewChunk()
    {
        var line = "{\"text\":\"" + new string('x', 40) + "\"}\n";

        var chunks = Chunks(string.Concat(Enumerable.Repeat(line, 5)), ImportFormat.JsonLines, lines: 100, maxBytes: line.Length * 2);

        Assert.Equal([2, 2, 1], chunks.Select(c => c.Records));
        Assert.Equal([1, 3, 5], chunks.Select(c => c.FirstLine));
    }

    [Fact]
    public void Next_RecordLargerThanAChunk_IsACliError()
    {
        var error = Assert.Throws<CliException>(() => Chunks("{\"a\":1}\n" + new string('x', 100) + "\n", ImportFormat.JsonLines, lines: 10, maxBytes: 50));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data.jsonl", null, false)]
    [InlineData("data.ndjson", null, false)]
    [InlineData("data.CSV", null, true)]
    [InlineData("data.txt", "csv", true)]
    [InlineData("data.csv", "jsonl", false)]
    public void Resolve_FormatFromOptionOrExtension(string path, string? option, bool csv) =>
        Assert.Equal(csv ? ImportFormat.Csv : ImportFormat.JsonLines, ImportFormats.Resolve(option, path));

    [Fact]
    public void Resolve_UnknownExtension_AsksForFormat() =>
        Assert.Contains("--format", Assert.Throws<CliException>(() => ImportFormats.Resolve(null, "data.txt")).Message, StringComparison.Ordinal);
}
