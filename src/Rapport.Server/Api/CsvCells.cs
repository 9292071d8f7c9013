using System.Globalization;
using System.Text;

namespace Rapport.Server.Api;

/// <summary>
/// CSV for spreadsheets (RFC 4180 quoting) that is safe to open: a cell starting with =, +, -, @, a tab or a carriage
/// return would run as a formula in Excel or LibreOffice, so it gets a leading apostrophe (OWASP's CSV injection advice).
/// </summary>
internal static class CsvCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>One row, each cell escaped and quoted when needed, ended by CRLF.</summary>
    public static void AppendRow(StringBuilder csv, params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(cells);
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Cell(cells[i]));
        }

        csv.Append("\r\n");
    }

    /// <summary>One cell: numbers in invariant culture as they are; text defused and quoted when needed.</summary>
    public static string Cell(object? value)
    {
        switch (value)
        {
            case null:
                return "";
            case double d:
                return d.ToString("0.###", CultureInfo.InvariantCulture);
            case int or long:
                return Convert.ToString(value, CultureInfo.InvariantCulture)!;
        }

        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        if (text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0)
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
