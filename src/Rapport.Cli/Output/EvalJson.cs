using System.Text.Json;
using Rapport.Cli.Evaluation;

namespace Rapport.Cli.Output;

/// <summary>Writes evaluation results as one JSON document.</summary>
internal static class EvalJson
{
    public static void Write(
        Utf8JsonWriter writer, IReadOnlyList<GoEmotionsResult> goEmotions, IReadOnlyList<VaderResult> vader, IReadOnlyList<EpitomeReport> epitome)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("goemotions");
        foreach (var result in goEmotions)
        {
            writer.WriteStartObject();
            writer.WriteString("file", result.File);
            writer.WriteNumber("rows", result.Rows);
            WriteReport(writer, "ekman", result.Ekman);
            WriteReport(writer, "sentiment", result.Sentiment);
            WriteReport(writer, "goEmotions", result.Fine);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("vader");
        foreach (var result in vader)
        {
            writer.WriteStartObject();
            writer.WriteString("file", result.File);
            writer.WriteNumber("rows", result.Rows);
            writer.WriteNumber("pearson", ReadingJson.Round(result.Pearson));
            WriteReport(writer, "polarity", result.Polarity);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("epitome");
        foreach (var result in epitome)
        {
            writer.WriteStartObject();
            writer.WriteString("file", result.File);
            writer.WriteNumber("rows", result.Rows);
            WriteReport(writer, "emotionalReactions", result.EmotionalReactions);
            WriteReport(writer, "interpretations", result.Interpretations);
            WriteReport(writer, "explorations", result.Explorations);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteReport(Utf8JsonWriter writer, string name, ClassificationReport report)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("macroF1", ReadingJson.Round(report.MacroF1));
        writer.WriteNumber("microF1", ReadingJson.Round(report.MicroF1));
        if (report.Accuracy is { } accuracy)
        {
            writer.WriteNumber("accuracy", ReadingJson.Round(accuracy));
        }

        writer.WriteStartArray("labels");
        foreach (var label in report.Labels)
        {
            writer.WriteStartObject();
            writer.WriteString("label", label.Label);
            writer.WriteNumber("precision", ReadingJson.Round(label.Precision));
            writer.WriteNumber("recall", ReadingJson.Round(label.Recall));
            writer.WriteNumber("f1", ReadingJson.Round(label.F1));
            writer.WriteNumber("support", label.Support);
            writer.WriteNumber("predicted", label.Predicted);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (report.Confusion is { } confusion)
        {
            // Rows are gold labels, columns predicted labels, both in the order of "labels".
            writer.WriteStartArray("confusion");
            for (var i = 0; i < confusion.GetLength(0); i++)
            {
                writer.WriteStartArray();
                for (var j = 0; j < confusion.GetLength(1); j++)
                {
                    writer.WriteNumberValue(confusion[i, j]);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
