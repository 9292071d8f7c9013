namespace Rapport.Cli.Importing;

/// <summary>The two import formats and their content types.</summary>
internal enum ImportFormat
{
    JsonLines,
    Csv,
}

internal static class ImportFormats
{
    public static string ContentType(this ImportFormat format) => format == ImportFormat.Csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";

    /// <summary>From <c>--format</c>, else from the file's extension (.jsonl, .ndjson, .json, .csv).</summary>
    public static ImportFormat Resolve(string? option, string path)
    {
        if (option is not null)
        {
            return option.ToUpperInvariant() switch
            {
                "JSONL" or "NDJSON" or "JSON" => ImportFormat.JsonLines,
                "CSV" => ImportFormat.Csv,
                _ => throw new CliException($"--format '{option}' is not a format: use jsonl or csv"),
            };
        }

        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".JSONL" or ".NDJSON" or ".JSON" => ImportFormat.JsonLines,
            ".CSV" => ImportFormat.Csv,
            _ => throw new CliException($"{path}: cannot tell the format from the extension; pass --format jsonl or --format csv"),
        };
    }
}
