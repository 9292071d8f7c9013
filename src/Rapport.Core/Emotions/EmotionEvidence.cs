namespace Rapport.Core.Emotions;

/// <summary>
/// A span of the analysed text that supports an emotion, and why (e.g. "word", "repeat contact", "threat to leave").
/// </summary>
/// <param name="Emotion">The emotion supported.</param>
/// <param name="Range">Character offsets into the analysed text.</param>
/// <param name="Cue">The kind of cue, in words.</param>
public sealed record EmotionEvidence(SupportEmotion Emotion, Range Range, string Cue);
