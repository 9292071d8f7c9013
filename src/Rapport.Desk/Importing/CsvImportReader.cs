namespace Rapport.Desk.Importing;

/// <summary>
/// Reads CSV with a header row (RFC 4180 quoting, multi-line quoted fields) through an <see cref="ImportMapping"/>.
/// A record with the wrong number of fields, broken quoting or invalid values is rejected with its first line number.
/// </summary>
public sealed class CsvImportReader
{
    private readonly CsvRecordReader _records;
    private readonly int[] _columnOf;
    private readonly int _columns;

    private CsvImportReader(CsvRecordReader records, int[] columnOf, int columns)
    {
        _records = records;
        _columnOf = columnOf;
        _columns = columns;
    }

    /// <summary>Reads the header and resolves the mapping.</summary>
    /// <exception cref="DeskValidationException">No header, a mapped column missing from it, or a required field without a column.</exception>
    public static CsvImportReader Open(TextReader reader, ImportMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(mapping);
        if (reader.Peek() == '\uFEFF')
        {
            reader.Read();
        }

        var records = new CsvRecordReader(reader);
        var header = new List<string>();
        if (!records.Next(header, out _, out var error) || error is not null)
        {
            throw new DeskValidationException("body", error is null ? "The CSV has no header row." : $"The CSV header row is malformed: {error}.");
        }

        var names = header.Select(h => h.Trim()).ToList();
        var columnOf = new int[ImportRecordParser.Fields];
        foreach (var field in Enum.GetValues<ImportField>())
        {
            var mapped = mapping.ColumnOf(field);
            var column = mapped ?? ImportRecordParser.Name(field);
            columnOf[(int)field] = names.FindIndex(n => string.Equals(n, column, StringComparison.OrdinalIgnoreCase));
            if (mapped is not null && columnOf[(int)field] < 0)
            {
                throw new DeskValidationException("map", $"The header has no column '{mapped}' (mapped to {ImportRecordParser.Name(field)}); it has: {string.Join(", ", names)}.");
            }
        }

        ImportField[] required = [ImportField.Conversation, ImportField.Author, ImportField.Timestamp, ImportField.Channel, ImportField.Text];
        var missing = required.Where(f => columnOf[(int)f] < 0).Select(ImportRecordParser.Name).ToList();
        if (columnOf[(int)ImportField.Customer] < 0 && columnOf[(int)ImportField.CustomerEmail] < 0)
        {
            missing.Add("customer (or customerEmail)");
        }

        if (missing.Count > 0)
        {
            throw new DeskValidationException(
                "map",
                $"The header has no column for {string.Join(", ", missing)}; map them with ?map=field=column,... (the header has: {string.Join(", ", names)}).");
        }

        return new CsvImportReader(records, columnOf, names.Count);
    }

    public IEnumerable<ImportLine> Read()
    {
        var fields = new List<string>(_columns);
        var values = new string?[ImportRecordParser.Fields];
        while (_records.Next(fields, out var line, out var error))
        {
            if (error is not null)
            {
                yield return ImportLine.Rejected(line, error);
                continue;
            }

            if (fields.Count != _columns)
            {
                yield return ImportLine.Rejected(line, $"{fields.Count} fields; the header has {_columns}");
                continue;
            }

            for (var i = 0; i < values.Length; i++)
            {
                values[i] = _columnOf[i] >= 0 ? fields[_columnOf[i]] : null;
            }

            yield return ImportRecordParser.Parse(line, values);
        }
    }
}
