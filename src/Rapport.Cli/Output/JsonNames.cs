using System.Text.Json;
using Rapport.Core.Coaching;
using Rapport.Core.Emotions;

namespace Rapport.Cli.Output;

/// <summary>Pre-encoded wire names (camelCase) for the hand-written JSON writers.</summary>
internal static class JsonNames
{
    public static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
    public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    public static readonly JsonEncodedText Labels = JsonEncodedText.Encode("labels");
    public static readonly JsonEncodedText Scores = JsonEncodedText.Encode("scores");
    public static readonly JsonEncodedText Ekman = JsonEncodedText.Encode("ekman");
    public static readonly JsonEncodedText Sentiment = JsonEncodedText.Encode("sentiment");
    public static readonly JsonEncodedText GoEmotions = JsonEncodedText.Encode("goEmotions");
    public static readonly JsonEncodedText Valence = JsonEncodedText.Encode("valence");
    public static readonly JsonEncodedText Intensity = JsonEncodedText.Encode("intensity");
    public static readonly JsonEncodedText EscalationRisk = JsonEncodedText.Encode("escalationRisk");
    public static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");
    public static readonly JsonEncodedText LanguageConfidence = JsonEncodedText.Encode("languageConfidence");
    public static readonly JsonEncodedText Analyzed = JsonEncodedText.Encode("analyzed");
    public static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
    public static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
    public static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
    public static readonly JsonEncodedText End = JsonEncodedText.Encode("end");
    public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    public static readonly JsonEncodedText Cue = JsonEncodedText.Encode("cue");
    public static readonly JsonEncodedText Signals = JsonEncodedText.Encode("signals");
    public static readonly JsonEncodedText Truncated = JsonEncodedText.Encode("truncated");
    public static readonly JsonEncodedText Score = JsonEncodedText.Encode("score");
    public static readonly JsonEncodedText Findings = JsonEncodedText.Encode("findings");
    public static readonly JsonEncodedText Practice = JsonEncodedText.Encode("practice");
    public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    public static readonly JsonEncodedText Weight = JsonEncodedText.Encode("weight");
    public static readonly JsonEncodedText Suggestion = JsonEncodedText.Encode("suggestion");
    public static readonly JsonEncodedText Insert = JsonEncodedText.Encode("insert");
    public static readonly JsonEncodedText Mechanisms = JsonEncodedText.Encode("mechanisms");
    public static readonly JsonEncodedText EmotionalReactions = JsonEncodedText.Encode("emotionalReactions");
    public static readonly JsonEncodedText Interpretations = JsonEncodedText.Encode("interpretations");
    public static readonly JsonEncodedText Explorations = JsonEncodedText.Encode("explorations");
    public static readonly JsonEncodedText Customer = JsonEncodedText.Encode("customer");
    public static readonly JsonEncodedText Review = JsonEncodedText.Encode("review");

    private static readonly JsonEncodedText[] SupportNames = EncodeAll(Enum.GetValues<SupportEmotion>().Select(e => e.Name()));
    private static readonly JsonEncodedText[] EkmanNames = EncodeAll(Enum.GetValues<EkmanEmotion>().Select(e => e.Name()));
    private static readonly JsonEncodedText[] SentimentNames = EncodeAll(Enum.GetValues<Core.Emotions.Sentiment>().Select(e => e.Name()));
    private static readonly JsonEncodedText[] PracticeNames = EncodeAll(Enum.GetNames<Core.Coaching.Practice>().Select(CamelCase));
    private static readonly JsonEncodedText[] StatusNames = EncodeAll(Enum.GetNames<FindingStatus>().Select(CamelCase));

    public static JsonEncodedText Of(SupportEmotion emotion) => SupportNames[(int)emotion];

    public static JsonEncodedText Of(EkmanEmotion emotion) => EkmanNames[(int)emotion];

    public static JsonEncodedText Of(Core.Emotions.Sentiment sentiment) => SentimentNames[(int)sentiment];

    public static JsonEncodedText Of(Core.Coaching.Practice practice) => PracticeNames[(int)practice];

    public static JsonEncodedText Of(FindingStatus status) => StatusNames[(int)status];

    /// <summary>"AcknowledgesFeeling" → "acknowledgesFeeling".</summary>
    public static string CamelCase(string name) => string.Concat(name[..1].ToLowerInvariant(), name.AsSpan(1));

    private static JsonEncodedText[] EncodeAll(IEnumerable<string> names) => [.. names.Select(n => JsonEncodedText.Encode(n))];
}
