namespace Rapport.Desk.Importing;

/// <summary>
/// Which CSV column holds which field: <c>conversation=ticket_id,customer=requester,text=body</c>. A field that is
/// not mapped is read from the column with its own name (any case), when the header has one.
/// </summary>
public sealed class ImportMapping
{
    private readonly Dictionary<ImportField, string> _columns;

    private ImportMapping(Dictionary<ImportField, string> columns) => _columns = columns;

    /// <summary>Every field from the column of the same name.</summary>
    public static ImportMapping Default { get; } = new([]);

    /// <summary>The column mapped to <paramref name="field"/>, or null when it keeps its default.</summary>
    public string? ColumnOf(ImportField field) => _columns.GetValueOrDefault(field);

    /// <summary>Parses <c>field=column,...</c>; null or blank is <see cref="Default"/>.</summary>
    /// <exception cref="DeskValidationException">An unknown or repeated field, or a pair without a column.</exception>
    public static ImportMapping Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        var columns = new Dictionary<ImportField, string>();
        foreach (var pair in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals].Trim();
            var column = equals < 0 ? "" : pair[(equals + 1)..].Trim();
            if (column.Length == 0)
            {
                throw new DeskValidationException("map", $"'{pair}' is not field=column (e.g. conversation=ticket_id).");
            }

            if (!TryParseField(name, out var field))
            {
                throw new DeskValidationException("map", $"'{name}' is not an import field: use one of {FieldNames}.");
            }

            if (!columns.TryAdd(field, column))
            {
                throw new DeskValidationException("map", $"'{name}' is mapped twice.");
            }
        }

        return new ImportMapping(columns);
    }

    /// <summary>The field names, as written in files and mappings.</summary>
    public static string FieldNames { get; } = string.Join(", ", Enum.GetValues<ImportField>().Select(ImportRecordParser.Name));

    private static bool TryParseField(string name, out ImportField field)
    {
        foreach (var candidate in Enum.GetValues<ImportField>())
        {
            if (string.Equals(ImportRecordParser.Name(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                field = candidate;
                return true;
            }
        }

        field = default;
        return false;
    }
}
