using Rapport.Cli.Input;

namespace Rapport.Cli.Tests.Input;

public sealed class MessageReaderTests
{
    [Fact]
    public void TryRead_FirstNonBlankIsBrace_ReadsJsonLines()
    {
        var messages = ReadAll("\n  {\"text\": \"a \\u00e9\\n b\", \"id\": \"x\"}\n{\"text\": \"c\"}\n");

        Assert.Equal([new Message(2, "a é\n b", new RecordId("x", false)), new Message(3, "c")], messages);
    }

    [Fact]
    public void TryRead_PlainText_KeepsLinesVerbatimIncludingBraces()
    {
        var messages = ReadAll("hello {world}\n{\"not\": \"json\"} is text here\n");

        Assert.Equal(["hello {world}", "{\"not\": \"json\"} is text here"], messages.Select(m => m.Text));
    }

    [Fact]
    public void TryRead_EscapedPropertyName_IsMatched()
    {
        var messages = ReadAll("{\"te\\u0078t\": \"escaped name\"}\n");

        Assert.Equal("escaped name", Assert.Single(messages).Text);
    }

    [Fact]
    public void TryRead_TrailingGarbage_IsMalformed()
    {
        var error = Assert.Throws<CliException>(() => ReadAll("{\"text\": \"a\"} x\n"));

        Assert.StartsWith("in:1: malformed JSON", error.Message, StringComparison.Ordinal);
    }

    private static List<Message> ReadAll(string text)
    {
        using var reader = new MessageReader(new Utf8LineReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "in"));
        var messages = new List<Message>();
        while (reader.TryRead(out var message))
        {
            messages.Add(message);
        }

        return messages;
    }
}
