namespace Rapport.Core.Emotions;

/// <summary>What <see cref="EmotionAnalyzer"/> read in a text.</summary>
public sealed record EmotionReading
{
    /// <summary>ISO 639-1 code of the text's language ("und" when undetermined).</summary>
    public required string Language { get; init; }

    /// <summary>Confidence of <see cref="Language"/> in [0, 1].</summary>
    public required double LanguageConfidence { get; init; }

    /// <summary>False when the text is not English: emotions are then not read (all scores 0, no labels).</summary>
    public required bool Analyzed { get; init; }

    /// <summary>Support emotions whose score reached the calibrated threshold (0.5); [Neutral] when none did.</summary>
    public required IReadOnlyList<SupportEmotion> Labels { get; init; }

    /// <summary>A score in [0, 1] per support emotion.</summary>
    public required EmotionScores Scores { get; init; }

    /// <summary>The reading in Ekman's scheme (anger, disgust, fear, joy, sadness, surprise, neutral).</summary>
    public required IReadOnlyList<EkmanEmotion> Ekman { get; init; }

    /// <summary>The reading in the sentiment scheme (positive, negative, ambiguous, neutral).</summary>
    public required IReadOnlyList<Sentiment> Sentiment { get; init; }

    /// <summary>The 28 fine-grained GoEmotions labels the model read (e.g. "annoyance", "gratitude").</summary>
    public required IReadOnlyList<string> GoEmotions { get; init; }

    /// <summary>How negative (-1) or positive (+1) the text is.</summary>
    public required double Valence { get; init; }

    /// <summary>How strongly the emotions are expressed, in [0, 1].</summary>
    public required double Intensity { get; init; }

    /// <summary>How likely the customer is to escalate (complain further, leave, demand a manager), in [0, 1].</summary>
    public required double EscalationRisk { get; init; }

    /// <summary>The spans of text that support each label.</summary>
    public required IReadOnlyList<EmotionEvidence> Evidence { get; init; }

    /// <summary>Conversation signals read in the text, e.g. "repeat-contact", "threat-to-leave", "sarcasm".</summary>
    public required IReadOnlyList<string> Signals { get; init; }

    /// <summary>True when the text was longer than <see cref="EmotionAnalyzer.MaxAnalyzedLength"/> and only its start was read.</summary>
    public bool Truncated { get; init; }

    /// <summary>True if <paramref name="emotion"/> is among <see cref="Labels"/>.</summary>
    public bool Has(SupportEmotion emotion) => Labels.Contains(emotion);

    /// <summary>The strongest non-neutral label, or <see cref="SupportEmotion.Neutral"/>.</summary>
    public SupportEmotion Dominant
    {
        get
        {
            var best = SupportEmotion.Neutral;
            var bestScore = 0.0;
            foreach (var label in Labels)
            {
                if (label != SupportEmotion.Neutral && Scores[label] > bestScore)
                {
                    best = label;
                    bestScore = Scores[label];
                }
            }

            return best;
        }
    }
}
