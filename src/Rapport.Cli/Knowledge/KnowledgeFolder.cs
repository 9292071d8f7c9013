using System.Text;
using Rapport.Core.Knowledge;

namespace Rapport.Cli.Knowledge;

/// <summary>One Markdown file of a folder, read as an article.</summary>
internal sealed record KnowledgeFile(string Path, KnowledgeDocument Document);

/// <summary>Reads every Markdown file of a folder (<c>*.md</c>, <c>*.markdown</c>, not recursive, in name order) as
/// articles, all before anything is sent, so that a bad file stops the import with nothing half done.</summary>
internal static class KnowledgeFolder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="CliException">The folder is missing or empty, or a file is unreadable, not UTF-8, not an article,
    /// or has the slug of another file; the message names the file and line.</exception>
    public static IReadOnlyList<KnowledgeFile> Read(string folder)
    {
        if (File.Exists(folder))
        {
            throw new CliException($"{folder}: is a file, not a directory (give the folder of Markdown files)");
        }

        if (!Directory.Exists(folder))
        {
            throw new CliException($"{folder}: no such directory");
        }

        string[] paths;
        try
        {
            paths = [.. Directory.EnumerateFiles(folder)
                .Where(p => p.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)];
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new CliException($"{folder}: permission denied", exception);
        }

        if (paths.Length == 0)
        {
            throw new CliException($"{folder}: no Markdown files (*.md) in this directory");
        }

        var files = new List<KnowledgeFile>(paths.Length);
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var text = ReadText(path);
            KnowledgeDocument document;
            try
            {
                document = KnowledgeMarkdown.Parse(text, path);
            }
            catch (KnowledgeFormatException exception)
            {
                throw exception.Line > 0 ? CliException.At(path, exception.Line, exception.Message) : new CliException($"{path}: {exception.Message}", exception);
            }

            if (slugs.TryGetValue(document.Slug, out var other))
            {
                throw new CliException($"{path}: slug '{document.Slug}' is also the slug of {other}; give one of them another 'slug:'");
            }

            slugs[document.Slug] = path;
            files.Add(new KnowledgeFile(path, document));
        }

        return files;
    }

    private static string ReadText(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new CliException($"{path}: permission denied", exception);
        }
        catch (IOException exception)
        {
            throw new CliException($"{path}: cannot read ({exception.Message})", exception);
        }

        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException exception)
        {
            // Name the line: decode line by line up to the first that fails.
            var line = 1;
            var lineStart = start;
            for (var i = start; i <= bytes.Length; i++)
            {
                if (i == bytes.Length || bytes[i] == (byte)'\n')
                {
                    try
                    {
                        StrictUtf8.GetString(bytes, lineStart, i - lineStart);
                    }
                    catch (DecoderFallbackException)
                    {
                        break;
                    }

                    line++;
                    lineStart = i + 1;
                }
            }

            throw new CliException($"{path}:{line}: not valid UTF-8 (save the file as UTF-8)", exception);
        }
    }
}
