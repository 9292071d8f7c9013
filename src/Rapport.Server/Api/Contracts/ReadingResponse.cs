using System.Text.Json.Serialization;
using Rapport.Core.Emotions;

namespace Rapport.Server.Api.Contracts;

/// <summary>An emotion reading, in the same JSON shape as <c>rapport analyze --json</c>.</summary>
internal sealed record ReadingResponse(
    IReadOnlyList<string> Labels,
    IReadOnlyDictionary<string, double> Scores,
    IReadOnlyList<string> Ekman,
    IReadOnlyList<string> Sentiment,
    IReadOnlyList<string> GoEmotions,
    double Valence,
    double Intensity,
    double EscalationRisk,
    string Language,
    double LanguageConfidence,
    bool Analyzed,
    IReadOnlyList<EvidenceResponse> Evidence,
    IReadOnlyList<string> Signals,
    bool Truncated)
{
    /// <param name="reading">The reading.</param>
    /// <param name="text">The analysed text, to quote evidence; null for offsets only (as the CLI does in reviews).</param>
    public static ReadingResponse From(EmotionReading reading, string? text)
    {
        var scores = new Dictionary<string, double>(EmotionScores.Count);
        foreach (var (emotion, score) in reading.Scores)
        {
            scores[emotion.Name()] = Json.Round(score);
        }

        return new ReadingResponse(
            [.. reading.Labels.Select(l => l.Name())],
            scores,
            [.. reading.Ekman.Select(e => e.Name())],
            [.. reading.Sentiment.Select(s => s.Name())],
            reading.GoEmotions,
            Json.Round(reading.Valence),
            Json.Round(reading.Intensity),
            Json.Round(reading.EscalationRisk),
            reading.Language,
            Json.Round(reading.LanguageConfidence),
            reading.Analyzed,
            [.. reading.Evidence.Select(e => EvidenceResponse.From(e.Emotion.Name(), e.Range, e.Cue, text))],
            reading.Signals,
            reading.Truncated);
    }
}

/// <summary>A span that shows an emotion: [start, end) offsets, the quoted text when known, and the kind of cue.</summary>
internal sealed record EvidenceResponse(
    string Label,
    int Start,
    int End,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text,
    string Cue)
{
    public static EvidenceResponse From(string label, Range range, string cue, string? text)
    {
        var r = RangeResponse.From(range, text);
        return new EvidenceResponse(label, r.Start, r.End, r.Text, cue);
    }
}

/// <summary>[start, end) character offsets, and the text they cover when known.</summary>
internal sealed record RangeResponse(
    int Start,
    int End,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text)
{
    public static RangeResponse From(Range range, string? text)
    {
        var length = text?.Length ?? int.MaxValue;
        var start = range.Start.GetOffset(length);
        var end = range.End.GetOffset(length);
        var quoted = text is not null && 0 <= start && start <= end && end <= text.Length ? text[start..end] : null;
        return new RangeResponse(start, end, quoted);
    }
}
