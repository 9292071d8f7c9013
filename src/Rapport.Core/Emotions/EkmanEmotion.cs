namespace Rapport.Core.Emotions;

/// <summary>Ekman's basic emotions plus neutral, as grouped by GoEmotions (for comparison with published work).</summary>
public enum EkmanEmotion
{
    Anger,
    Disgust,
    Fear,
    Joy,
    Sadness,
    Surprise,
    Neutral,
}
