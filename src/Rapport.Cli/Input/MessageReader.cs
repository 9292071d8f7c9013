using System.Text.Json;

namespace Rapport.Cli.Input;

/// <summary>A customer message to analyse.</summary>
/// <param name="Line">The line it was read from (0 for a command-line argument).</param>
/// <param name="Text">The message.</param>
/// <param name="Id">The record's <c>id</c>, when the input was JSON lines and had one.</param>
internal readonly record struct Message(int Line, string Text, RecordId Id = default) : IEchoedItem;

/// <summary>
/// Reads messages: one per line of plain text, or JSON lines with a <c>text</c> field (and an optional <c>id</c>,
/// echoed back). The format is decided once per input by its first non-blank character: <c>{</c> means JSON lines.
/// Blank lines are skipped; line numbers still count them.
/// </summary>
internal sealed class MessageReader(Utf8LineReader lines) : LineItemSource<Message>(lines, "no messages")
{
    private static readonly JsonLine.PropertyHandler<JsonMessage> ReadProperty = OnProperty;

    private bool? _json;

    protected override bool IsBlank(ReadOnlySpan<byte> line) => IsWhitespace(line);

    protected override Message Parse(ReadOnlySpan<byte> line)
    {
        _json ??= line[line.IndexOfAnyExcept(Whitespace)] == (byte)'{';
        return _json.Value ? ReadJson(line) : new Message(Lines.LineNumber, Lines.Decode(line));
    }

    private static void OnProperty(ref JsonMessage message, ref Utf8JsonReader reader, Place place)
    {
        if (reader.ValueTextEquals("text"u8))
        {
            message.Text = JsonLine.String(ref JsonLine.Value(ref reader), "text", place);
        }
        else if (reader.ValueTextEquals("id"u8))
        {
            message.Id = JsonLine.Id(ref JsonLine.Value(ref reader));
        }
        else
        {
            JsonLine.Skip(ref reader);
        }
    }

    private Message ReadJson(ReadOnlySpan<byte> line)
    {
        var message = new JsonMessage();
        JsonLine.ReadObject(line, Lines, ref message, ReadProperty);
        return message.Text is null
            ? throw Error("the JSON object has no \"text\" field")
            : new Message(Lines.LineNumber, message.Text, message.Id);
    }

    private struct JsonMessage
    {
        public string? Text;
        public RecordId Id;
    }
}
