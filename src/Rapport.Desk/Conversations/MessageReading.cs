using System.Text.Json;
using Rapport.Core.Emotions;

namespace Rapport.Desk.Conversations;

/// <summary>
/// The emotion reading of a customer message as stored: the figures the desk sorts and filters by are columns; scores
/// and evidence are JSON. <see cref="EngineVersion"/> says which engine read it, so readings can be recomputed.
/// </summary>
public sealed class MessageReading
{
    public long MessageId { get; set; }

    public required string EngineVersion { get; set; }

    public required string Language { get; set; }

    public List<string> Labels { get; set; } = [];

    /// <summary>JSON object: emotion name → score in [0, 1].</summary>
    public required string ScoresJson { get; set; }

    public double Valence { get; set; }

    public double Intensity { get; set; }

    public double EscalationRisk { get; set; }

    /// <summary>JSON array of <see cref="StoredEvidence"/>.</summary>
    public required string EvidenceJson { get; set; }

    public IReadOnlyDictionary<string, double> Scores() =>
        JsonSerializer.Deserialize<Dictionary<string, double>>(ScoresJson, DeskJson.Options) ?? [];

    public IReadOnlyList<StoredEvidence> Evidence() =>
        JsonSerializer.Deserialize<List<StoredEvidence>>(EvidenceJson, DeskJson.Options) ?? [];

    /// <summary>Stores <paramref name="reading"/> of <paramref name="text"/>.</summary>
    public static MessageReading From(EmotionReading reading, string text)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(text);
        var scores = new Dictionary<string, double>(EmotionScores.Count);
        foreach (var (emotion, score) in reading.Scores)
        {
            scores[emotion.Name()] = DeskJson.Round(score);
        }

        var evidence = new List<StoredEvidence>(reading.Evidence.Count);
        foreach (var item in reading.Evidence)
        {
            var (start, length) = item.Range.GetOffsetAndLength(text.Length);
            evidence.Add(new StoredEvidence(item.Emotion.Name(), start, start + length, item.Cue));
        }

        return new MessageReading
        {
            EngineVersion = EmotionAnalyzer.Version,
            Language = reading.Language,
            Labels = [.. reading.Labels.Select(l => l.Name())],
            ScoresJson = JsonSerializer.Serialize(scores, DeskJson.Options),
            Valence = DeskJson.Round(reading.Valence),
            Intensity = DeskJson.Round(reading.Intensity),
            EscalationRisk = DeskJson.Round(reading.EscalationRisk),
            EvidenceJson = JsonSerializer.Serialize(evidence, DeskJson.Options),
        };
    }
}

/// <summary>A span of the message that shows an emotion: [Start, End) character offsets, and the kind of cue.</summary>
public sealed record StoredEvidence(string Label, int Start, int End, string Cue);
