using System.Reflection;

namespace Rapport.Core.Text;

/// <summary>Reads the engine's embedded data files (lexicons, phrase banks, weights) once, at load time.</summary>
internal static class EmbeddedText
{
    private static readonly Assembly Assembly = typeof(EmbeddedText).Assembly;

    public static Stream Open(string relativePath)
    {
        var name = "Rapport.Core.Resources." + relativePath;
        return Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from Rapport.Core.");
    }

    /// <summary>The relative paths of the resources under <paramref name="directory"/> ending in <paramref name="extension"/>, sorted.</summary>
    public static IReadOnlyList<string> List(string directory, string extension)
    {
        const string Prefix = "Rapport.Core.Resources.";
        var start = Prefix + directory + "/";
        return [.. Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(start, StringComparison.Ordinal) && n.EndsWith(extension, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Order(StringComparer.Ordinal)];
    }

    public static string ReadAll(string relativePath)
    {
        using var reader = new StreamReader(Open(relativePath));
        return reader.ReadToEnd();
    }

    public static bool Exists(string relativePath) =>
        Assembly.GetManifestResourceInfo("Rapport.Core.Resources." + relativePath) is not null;

    /// <summary>The data lines of a TSV resource: comments (#) and blank lines skipped, split on tabs.</summary>
    public static IEnumerable<(int LineNumber, string[] Fields)> ReadTsv(string relativePath)
    {
        using var reader = new StreamReader(Open(relativePath));
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            yield return (lineNumber, line.Split('\t'));
        }
    }
}
