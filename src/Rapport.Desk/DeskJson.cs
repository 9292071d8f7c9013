using System.Text.Json;

namespace Rapport.Desk;

/// <summary>How the desk writes its JSON columns: web defaults (camelCase), scores rounded to four decimals.</summary>
internal static class DeskJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 4) : 0;

    public static string CamelCase(string name) => string.Concat(name[..1].ToLowerInvariant(), name.AsSpan(1));
}
