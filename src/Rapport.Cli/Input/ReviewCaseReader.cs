using System.Text.Json;
using Rapport.Core.Coaching;

namespace Rapport.Cli.Input;

/// <summary>An agent's reply to review, with its conversation.</summary>
internal sealed record ReviewCase(int Line, string Reply, ReviewContext Context, RecordId Id = default) : IEchoedItem;

/// <summary>
/// Reads review cases from JSON lines:
/// <c>{"customer": "..." | ["...", ...], "reply": "...", "name": "...", "agent": "...", "atFault": true|false, "id": ...}</c>.
/// <c>customer</c> and <c>reply</c> are required. Blank lines are skipped.
/// </summary>
internal sealed class ReviewCaseReader(Utf8LineReader lines) : LineItemSource<ReviewCase>(lines, "no replies to review")
{
    private static readonly JsonLine.PropertyHandler<Fields> ReadProperty = OnProperty;

    protected override bool IsBlank(ReadOnlySpan<byte> line) => IsWhitespace(line);

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

    protected override ReviewCase Parse(ReadOnlySpan<byte> line)
    {
        if (line[line.IndexOfAnyExcept(Whitespace)] != (byte)'{')
        {
            throw Error("expected a JSON object with \"customer\" and \"reply\" (the input is JSON lines)");
        }

        var fields = new Fields();
        JsonLine.ReadObject(line, Lines, ref fields, ReadProperty);
        var place = new Place(Source, Lines.LineNumber);
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
            Lines.LineNumber,
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
