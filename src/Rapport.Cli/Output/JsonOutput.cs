using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rapport.Cli.Output;

/// <summary>Writes single JSON documents to stdout (the streaming commands use <see cref="Processing.BatchPipeline"/>).</summary>
internal static class JsonOutput
{
    /// <summary>Output goes to terminals and files, never into HTML: non-ASCII text stays readable.</summary>
    public static readonly JsonWriterOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static readonly JsonWriterOptions Indented = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
    };

    /// <summary>Writes one JSON value followed by a line break.</summary>
    public static void WriteLine(OutputSink output, Action<Utf8JsonWriter> write, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, indented ? Indented : Compact))
        {
            write(writer);
        }

        buffer.Write("\n"u8);
        output.WriteUtf8(buffer.WrittenSpan);
    }
}
