namespace Rapport.Server.Api.Contracts;

/// <summary>Numbers on the wire: four decimals, like the CLI's JSON.</summary>
internal static class Json
{
    public static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 4) : 0;

    public static string CamelCase(string name) => string.Concat(name[..1].ToLowerInvariant(), name.AsSpan(1));
}
