using System.Text.Json;
using Rapport.Core.Coaching;
using Rapport.Core.Composing;

namespace Rapport.Cli.Output;

/// <summary>Writes reviews and composed replies as JSON with the CLI's wire names (hand-written: no reflection).</summary>
internal static class ReviewJson
{
    private static readonly JsonEncodedText EvidenceName = JsonNames.Evidence;

    /// <summary>Writes <paramref name="review"/> of <paramref name="reply"/> as an object.</summary>
    public static void Write(Utf8JsonWriter writer, EmpathyReview review, string reply)
    {
        writer.WriteStartObject();
        WriteProperties(writer, review, reply);
        writer.WriteEndObject();
    }

    /// <summary>Writes the review's properties into the current object.</summary>
    public static void WriteProperties(Utf8JsonWriter writer, EmpathyReview review, string reply)
    {
        writer.WriteNumber(JsonNames.Score, review.Score);
        writer.WriteStartArray(JsonNames.Findings);
        foreach (var finding in review.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString(JsonNames.Practice, JsonNames.Of(finding.Practice));
            writer.WriteString(JsonNames.Status, JsonNames.Of(finding.Status));
            writer.WriteNumber(JsonNames.Weight, finding.Weight);
            WriteRanges(writer, EvidenceName, finding.Evidence, reply);
            WriteNullableString(writer, JsonNames.Suggestion, finding.Suggestion);
            WriteNullableString(writer, JsonNames.Insert, finding.Insert);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        var mechanisms = review.Mechanisms;
        writer.WriteStartObject(JsonNames.Mechanisms);
        writer.WriteNumber(JsonNames.EmotionalReactions, (int)mechanisms.EmotionalReactions);
        writer.WriteNumber(JsonNames.Interpretations, (int)mechanisms.Interpretations);
        writer.WriteNumber(JsonNames.Explorations, (int)mechanisms.Explorations);
        writer.WriteStartObject(JsonNames.Evidence);
        WriteRanges(writer, JsonNames.EmotionalReactions, mechanisms.EmotionalReactionEvidence, reply);
        WriteRanges(writer, JsonNames.Interpretations, mechanisms.InterpretationEvidence, reply);
        WriteRanges(writer, JsonNames.Explorations, mechanisms.ExplorationEvidence, reply);
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WritePropertyName(JsonNames.Customer);
        ReadingJson.Write(writer, review.CustomerReading, text: null);
    }

    /// <summary>Writes a composed reply: <c>text</c>, <c>score</c>, and optionally the full <c>review</c>.</summary>
    public static void Write(Utf8JsonWriter writer, ComposedReply reply, bool withReview)
    {
        writer.WriteStartObject();
        writer.WriteString(JsonNames.Text, reply.Text);
        writer.WriteNumber(JsonNames.Score, reply.Review.Score);
        if (withReview)
        {
            writer.WritePropertyName(JsonNames.Review);
            Write(writer, reply.Review, reply.Text);
        }

        writer.WriteEndObject();
    }

    private static void WriteRanges(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<Range> ranges, string text)
    {
        writer.WriteStartArray(name);
        foreach (var range in ranges)
        {
            writer.WriteStartObject();
            ReadingJson.WriteRange(writer, range, text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteNullableString(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
