using System.Text.Json;

namespace Rapport.Cli.Input;

/// <summary>Reads one line of a JSON-lines file as a flat object, reporting problems with the file and line.</summary>
internal static class JsonLine
{
    /// <summary>
    /// Called with the reader on a property's name (test it with <c>ValueTextEquals</c>); it must read and consume the
    /// value, e.g. with <see cref="Skip"/>.
    /// </summary>
    public delegate void PropertyHandler<TState>(ref TState state, ref Utf8JsonReader reader, Place place);

    /// <summary>Calls <paramref name="handler"/> for each top-level property of the object on <paramref name="line"/>.</summary>
    /// <exception cref="CliException">The line is not valid UTF-8, not JSON, or not an object.</exception>
    public static void ReadObject<TState>(ReadOnlySpan<byte> line, Utf8LineReader lines, ref TState state, PropertyHandler<TState> handler)
    {
        lines.ThrowIfInvalid(line);
        var place = new Place(lines.Source, lines.LineNumber);
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw place.Error("expected a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                handler(ref state, ref reader, place);
            }

            // The object is closed; anything after it on the line is an error.
            if (reader.Read())
            {
                throw place.Error($"malformed JSON at byte {reader.TokenStartIndex + 1} (text after the object)");
            }
        }
        catch (JsonException exception)
        {
            var message = exception.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
            throw place.Error($"malformed JSON at byte {exception.BytePositionInLine + 1} ({message})");
        }
    }

    /// <summary>Skips the value of the property the reader is on.</summary>
    public static void Skip(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>Moves to the value of the property the reader is on.</summary>
    public static ref Utf8JsonReader Value(ref Utf8JsonReader reader)
    {
        reader.Read();
        return ref reader;
    }

    /// <summary>A string value, or an error naming the property.</summary>
    public static string String(ref Utf8JsonReader reader, string property, Place place) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw place.Error($"\"{property}\" must be a string, not {Describe(reader.TokenType)}");

    /// <summary>A string or null value.</summary>
    public static string? OptionalString(ref Utf8JsonReader reader, string property, Place place) =>
        reader.TokenType == JsonTokenType.Null ? null : String(ref reader, property, place);

    /// <summary>A string, or an array of strings.</summary>
    public static List<string> Strings(ref Utf8JsonReader reader, string property, Place place)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return [reader.GetString()!];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw place.Error($"\"{property}\" must be a string or an array of strings, not {Describe(reader.TokenType)}");
        }

        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.TokenType == JsonTokenType.String
                ? reader.GetString()!
                : throw place.Error($"\"{property}\" must hold only strings, not {Describe(reader.TokenType)}"));
        }

        return values;
    }

    /// <summary>true, false or null.</summary>
    public static bool? OptionalBoolean(ref Utf8JsonReader reader, string property, Place place) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw place.Error($"\"{property}\" must be true, false or null, not {Describe(reader.TokenType)}"),
    };

    /// <summary>An identifier to echo back: a string or the raw text of a number; other values are skipped.</summary>
    public static RecordId Id(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new RecordId(reader.GetString(), IsNumber: false);
            case JsonTokenType.Number:
                return new RecordId(System.Text.Encoding.UTF8.GetString(reader.ValueSpan), IsNumber: true);
            default:
                reader.Skip();
                return default;
        }
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };
}

/// <summary>A place in an input: file and line.</summary>
internal readonly record struct Place(string Source, int Line)
{
    public CliException Error(string message) => CliException.At(Source, Line, message);
}

/// <summary>The <c>id</c> of an input record, echoed back in the output (a string, or a number's raw text).</summary>
internal readonly record struct RecordId(string? Value, bool IsNumber);
