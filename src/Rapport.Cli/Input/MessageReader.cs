using System.Text.Json;

namespace Rapport.Cli.Input;

/// <summary>A customer message to analyse.</summary>
/// <param name="Line">The line it was read from (0 for a command-line argument).</param>
/// <param name="Text">The message.</param>
/// <param name="Id">The record's <c>id</c>, when the input was JSON lines and had one.</param>
internal readonly record struct Message(int Line, string Text, RecordId Id = default) : ILineItem;

/// <summary>
/// Reads messages: one per line of plain text, or JSON lines with a <c>text</c> field (and an optional <c>id</c>,
/// echoed back). The format is decided once per input by its first non-blank character: <c>{</c> means JSON lines.
/// Blank lines are skipped; line numbers still count them.
/// </summary>
internal sealed class MessageReader(Utf8LineReader lines) : IItemSource<Message>
{
    private static readonly JsonLine.PropertyHandler<JsonMessage> ReadProperty = OnProperty;

    private bool? _json;
    private int _count;

    public string Source => lines.Source;

    public long Position => lines.BytesConsumed;

    public int LinesRead => lines.LineNumber;

    public long? Length => lines.Length;

    public bool TryRead(out Message item)
    {
        while (lines.TryReadLine(out var line))
        {
            var first = line.IndexOfAnyExcept(" \t\r\f\v"u8);
            if (first < 0)
            {
                continue;
            }

            _json ??= line[first] == (byte)'{';
            _count++;
            item = _json.Value ? ReadJson(line) : new Message(lines.LineNumber, lines.Decode(line));
            return true;
        }

        if (_count == 0)
        {
            throw new CliException($"{Source}: empty input (no messages)");
        }

        item = default;
        return false;
    }

    public void Dispose() => lines.Dispose();

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
        JsonLine.ReadObject(line, lines, ref message, ReadProperty);
        return message.Text is null
            ? throw CliException.At(Source, lines.LineNumber, "the JSON object has no \"text\" field")
            : new Message(lines.LineNumber, message.Text, message.Id);
    }

    private struct JsonMessage
    {
        public string? Text;
        public RecordId Id;
    }
}
