using System.Collections.Frozen;
using System.Text.Json;

namespace Rapport.Desk.Importing;

/// <summary>
/// Reads JSON lines: one object per line with the camelCase field names of <see cref="ImportField"/>; blank lines are
/// skipped, unknown properties ignored. A line that is not a JSON object, or whose fields are invalid, is rejected.
/// </summary>
public static class JsonLinesImportReader
{
    private static readonly FrozenDictionary<string, ImportField> Fields =
        Enum.GetValues<ImportField>().ToFrozenDictionary(ImportRecordParser.Name, StringComparer.OrdinalIgnoreCase);

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 8 };

    public static IEnumerable<ImportLine> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return Parse(number, line);
        }
    }

    /// <summary>Parses one line (<paramref name="number"/> is its 1-based line number).</summary>
    public static ImportLine Parse(int number, string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, Options);
        }
        catch (JsonException)
        {
            return ImportLine.Rejected(number, "not valid JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ImportLine.Rejected(number, "not a JSON object");
            }

            var values = new string?[ImportRecordParser.Fields];
            List<string>? labels = null;
            var errors = new List<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!Fields.TryGetValue(property.Name, out var field))
                {
                    continue;
                }

                var value = property.Value;
                switch (value.ValueKind)
                {
                    case JsonValueKind.Null:
                        break;
                    case JsonValueKind.String:
                        values[(int)field] = value.GetString();
                        break;
                    case JsonValueKind.Number when field is ImportField.Conversation or ImportField.ExternalId:
                        // Source systems often number their tickets and messages.
                        values[(int)field] = value.GetRawText();
                        break;
                    case JsonValueKind.Array when field == ImportField.Labels:
                        labels = [];
                        foreach (var item in value.EnumerateArray())
                        {
                            if (item.ValueKind != JsonValueKind.String)
                            {
                                errors.Add("'labels' must be an array of strings");
                                break;
                            }

                            labels.Add(item.GetString()!);
                        }

                        break;
                    default:
                        errors.Add($"'{ImportRecordParser.Name(field)}' must be a string");
                        break;
                }
            }

            if (errors.Count > 0)
            {
                return ImportLine.Rejected(number, string.Join("; ", errors));
            }

            return ImportRecordParser.Parse(number, values, labels);
        }
    }
}
