using System.Text.Json;
using Rapport.Core.Emotions;

namespace Rapport.Cli.Output;

/// <summary>Writes an <see cref="EmotionReading"/> as JSON with the CLI's wire names (hand-written: no reflection).</summary>
internal static class ReadingJson
{
    /// <summary>Writes the reading as an object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="reading">The reading.</param>
    /// <param name="text">The analysed text, to quote evidence; null to give offsets only.</param>
    public static void Write(Utf8JsonWriter writer, EmotionReading reading, string? text)
    {
        writer.WriteStartObject();
        WriteProperties(writer, reading, text);
        writer.WriteEndObject();
    }

    /// <summary>Writes the reading's properties into the current object.</summary>
    public static void WriteProperties(Utf8JsonWriter writer, EmotionReading reading, string? text)
    {
        writer.WriteStartArray(JsonNames.Labels);
        foreach (var label in reading.Labels)
        {
            writer.WriteStringValue(JsonNames.Of(label));
        }

        writer.WriteEndArray();

        writer.WriteStartObject(JsonNames.Scores);
        foreach (var (emotion, score) in reading.Scores)
        {
            JsonNumbers.WriteRounded(writer, JsonNames.Of(emotion), score);
        }

        writer.WriteEndObject();

        writer.WriteStartArray(JsonNames.Ekman);
        foreach (var emotion in reading.Ekman)
        {
            writer.WriteStringValue(JsonNames.Of(emotion));
        }

        writer.WriteEndArray();

        writer.WriteStartArray(JsonNames.Sentiment);
        foreach (var sentiment in reading.Sentiment)
        {
            writer.WriteStringValue(JsonNames.Of(sentiment));
        }

        writer.WriteEndArray();

        writer.WriteStartArray(JsonNames.GoEmotions);
        foreach (var label in reading.GoEmotions)
        {
            writer.WriteStringValue(label);
        }

        writer.WriteEndArray();

        JsonNumbers.WriteRounded(writer, JsonNames.Valence, reading.Valence);
        JsonNumbers.WriteRounded(writer, JsonNames.Intensity, reading.Intensity);
        JsonNumbers.WriteRounded(writer, JsonNames.EscalationRisk, reading.EscalationRisk);
        writer.WriteString(JsonNames.Language, reading.Language);
        JsonNumbers.WriteRounded(writer, JsonNames.LanguageConfidence, reading.LanguageConfidence);
        writer.WriteBoolean(JsonNames.Analyzed, reading.Analyzed);

        writer.WriteStartArray(JsonNames.Evidence);
        foreach (var evidence in reading.Evidence)
        {
            writer.WriteStartObject();
            writer.WriteString(JsonNames.Label, JsonNames.Of(evidence.Emotion));
            WriteRange(writer, evidence.Range, text);
            writer.WriteString(JsonNames.Cue, evidence.Cue);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray(JsonNames.Signals);
        foreach (var signal in reading.Signals)
        {
            writer.WriteStringValue(signal);
        }

        writer.WriteEndArray();
        writer.WriteBoolean(JsonNames.Truncated, reading.Truncated);
    }

    /// <summary>Writes <c>start</c>, <c>end</c> and (when the text is known and the range fits it) <c>text</c>.</summary>
    public static void WriteRange(Utf8JsonWriter writer, Range range, string? text)
    {
        var length = text?.Length ?? int.MaxValue;
        var start = range.Start.GetOffset(length);
        var end = range.End.GetOffset(length);
        writer.WriteNumber(JsonNames.Start, start);
        writer.WriteNumber(JsonNames.End, end);
        if (text is not null && 0 <= start && start <= end && end <= text.Length)
        {
            writer.WriteString(JsonNames.Text, text.AsSpan(start, end - start));
        }
    }

    /// <summary>Writes the <c>line</c> and <c>id</c> of an input record, when it has them.</summary>
    public static void WriteOrigin(Utf8JsonWriter writer, int line, Input.RecordId id)
    {
        if (line > 0)
        {
            writer.WriteNumber(JsonNames.Line, line);
        }

        if (id.Value is null)
        {
            return;
        }

        if (id.IsNumber)
        {
            writer.WritePropertyName(JsonNames.Id);
            writer.WriteRawValue(id.Value, skipInputValidation: true);
        }
        else
        {
            writer.WriteString(JsonNames.Id, id.Value);
        }
    }

    /// <summary>Four decimals are plenty for scores and keep the output short.</summary>
    public static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 4) : 0;
}
