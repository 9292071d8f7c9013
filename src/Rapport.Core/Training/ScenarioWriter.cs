using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Rapport.Core.Emotions;

namespace Rapport.Core.Training;

/// <summary>
/// Writes a <see cref="Scenario"/> in the scenario file format (docs/training-scenarios.md), fields in the documented
/// order, so that <c>ScenarioLibrary.Parse(ScenarioWriter.ToJson(s), ...)</c> reads the same scenario back.
/// </summary>
public static class ScenarioWriter
{
    // Relaxed escaping keeps apostrophes and accents readable in the file; the output is a data file, never HTML.
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The scenario as an indented JSON scenario file (UTF-8 text, "\n" line ends, no trailing newline).</summary>
    public static string ToJson(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("id", scenario.Id);
            json.WriteString("title", scenario.Title);
            json.WriteStartObject("persona");
            json.WriteString("name", scenario.Persona.Name);
            json.WriteString("situation", scenario.Persona.Situation);
            json.WriteString("temperament", scenario.Persona.Temperament);
            json.WriteEndObject();
            json.WriteString("emotion", scenario.Emotion.Name());
            json.WriteNumber("intensity", scenario.Intensity);
            json.WriteNumber("patience", scenario.Patience);
            json.WriteNumber("turnLimit", scenario.TurnLimit);
            json.WriteNumber("calmAt", scenario.CalmAt);
            json.WriteBoolean("atFault", scenario.AtFault);
            json.WriteString("problem", scenario.Problem);
            json.WriteStartObject("details");
            foreach (var (key, value) in scenario.Details)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteStartArray("facts");
            foreach (var fact in scenario.Facts)
            {
                json.WriteStartObject();
                json.WriteString("id", fact.Id);
                json.WriteString("topic", fact.Topic);
                json.WriteString("fact", fact.Fact);
                Strings(json, "askedBy", fact.AskedBy);
                Strings(json, "lines", fact.Lines);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("resolution");
            foreach (var item in scenario.Resolution)
            {
                json.WriteStartObject();
                json.WriteString("id", item.Id);
                json.WriteString("offer", item.Offer);
                Strings(json, "keywords", item.Keywords);
                json.WriteString("ask", item.Ask);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            Strings(json, "calmedBy", scenario.CalmedBy);
            Strings(json, "escalatedBy", scenario.EscalatedBy);
            Strings(json, "targets", scenario.Targets.Select(t => t.ToString()));
            json.WriteStartObject("lines");
            foreach (var move in Enum.GetValues<CustomerMove>())
            {
                if (scenario.Lines.TryGetValue(move, out var lines))
                {
                    Strings(json, ScenarioReader.MoveName(move), lines);
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
