using System.Text.Json;
using Rapport.Core.Coaching;

namespace Rapport.Cli.Input;

/// <summary>An agent's reply to review, with its conversation.</summary>
internal sealed record ReviewCase(int Line, string Reply, ReviewContext Context, RecordId Id = default) : ILineItem;

/// <summary>
/// Reads review cases from JSON lines:
/// <c>{"customer": "..." | ["...", ...], "reply": "...", "name": "...", "agent": "...", "atFault": true|false, "id": ...}</c>.
/// <c>customer</c> and <c>reply</c> are required. Blank lines are skipped.
/// </summary>
internal sealed class ReviewCaseReader(Utf8LineReader lines) : IItemSource<ReviewCase>
{
    private static readonly JsonLine.PropertyHandler<Fields> ReadProperty = OnProperty;

    private int _count;

    public string Source => lines.Source;

    public long Position => lines.BytesConsumed;

    public int LinesRead => lines.LineNumber;

    public long? Length => lines.Length;

    public bool TryRead(out ReviewCase item)
    {
        while (lines.TryReadLine(out var line))
        {
            var first = line.IndexOfAnyExcept(" \t\r\f\v"u8);
            if (first < 0)
            {
                continue;
            }

            if (line[first] != (byte)'{')
            {
                throw CliException.At(Source, lines.LineNumber, "expected a JSON object with \"customer\" and \"reply\" (the input is JSON lines)");
            }

            _count++;
            item = Read(line);
            return true;
        }

        if (_count == 0)
        {
            throw new CliException($"{Source}: empty input (no replies to review)");
        }

        item = null!;
        return false;
    }

    public void Dispose() => lines.Dispose();

    private static void OnProperty(ref Fields fields, ref Utf8JsonReader reader, Place place)
    {
        if (reader.ValueTextEquals("customer"u8))
        {
            fields.Customer = JsonLine.Strings(ref JsonLine.Value(ref reader), "customer", place);
        }
        else if (reader.ValueTextEquals("reply"u8))
        {
            fields.Reply = JsonLine.String(ref JsonLine.Value(ref reader), "reply", place);
        }
        else if (reader.ValueTextEquals("name"u8))
        {
            fields.Name = JsonLine.OptionalString(ref JsonLine.Value(ref reader), "name", place);
        }
        else if (reader.ValueTextEquals("agent"u8))
        {
            fields.Agent = JsonLine.OptionalString(ref JsonLine.Value(ref reader), "agent", place);
        }
        else if (reader.ValueTextEquals("atFault"u8))
        {
            fields.AtFault = JsonLine.OptionalBoolean(ref JsonLine.Value(ref reader), "atFault", place);
        }
        else if (reader.ValueTextEquals("id"u8))
        {
            fields.Id = JsonLine.Id(ref JsonLine.Value(ref reader));
        }
        else
        {
            JsonLine.Skip(ref reader);
        }
    }

    private ReviewCase Read(ReadOnlySpan<byte> line)
    {
        var fields = new Fields();
        JsonLine.ReadObject(line, lines, ref fields, ReadProperty);
        var place = new Place(Source, lines.LineNumber);
        if (fields.Customer is null)
        {
            throw place.Error("the JSON object has no \"customer\" field");
        }

        if (fields.Customer.Count == 0)
        {
            throw place.Error("\"customer\" is an empty array");
        }

        if (fields.Reply is null)
        {
            throw place.Error("the JSON object has no \"reply\" field");
        }

        return new ReviewCase(
            lines.LineNumber,
            fields.Reply,
            new ReviewContext(fields.Customer, fields.Name, fields.Agent, fields.AtFault),
            fields.Id);
    }

    private struct Fields
    {
        public List<string>? Customer;
        public string? Reply;
        public string? Name;
        public string? Agent;
        public bool? AtFault;
        public RecordId Id;
    }
}
