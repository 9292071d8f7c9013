using Rapport.Core.Emotions;
using Rapport.Core.Text;

namespace Rapport.Core.Training;

/// <summary>
/// The hand-written lines of generated scenarios (training/generated-voice.tsv), keyed by the starting emotion:
/// temperaments, opening leads, and the moves a real conversation does not show (calmer, angrier, leaving…).
/// </summary>
internal static class GeneratedVoice
{
    private static readonly string[] Kinds = ["temperament", "lead", "factlead", "calmer", "angrier", "resolved", "leaving", "manager", "calmedby", "escalatedby"];

    private static readonly Lazy<List<(string Emotion, string Kind, string Text)>> Rows = new(Load);

    /// <summary>The rows of <paramref name="kind"/> for <paramref name="emotion"/> first, then those for any emotion.</summary>
    public static IReadOnlyList<string> Lines(SupportEmotion emotion, string kind)
    {
        var name = emotion.Name();
        return [.. Rows.Value.Where(r => r.Kind == kind && r.Emotion == name).Concat(Rows.Value.Where(r => r.Kind == kind && r.Emotion == "*")).Select(r => r.Text)];
    }

    private static List<(string, string, string)> Load()
    {
        var rows = new List<(string, string, string)>();
        foreach (var (line, fields) in EmbeddedText.ReadTsv("training/generated-voice.tsv"))
        {
            if (fields.Length != 3 || !(fields[0] == "*" || EmotionNames.TryParse(fields[0], out _)) || !Kinds.Contains(fields[1]) || fields[2].Trim().Length == 0)
            {
                throw new InvalidDataException($"training/generated-voice.tsv:{line}: expected an emotion (or *), a kind ({string.Join(", ", Kinds)}) and a text.");
            }

            rows.Add((fields[0], fields[1], fields[2].Trim()));
        }

        return rows;
    }
}
