namespace Rapport.Core.Language;

/// <summary>The language a text is most likely written in, and how sure the detector is.</summary>
/// <param name="Code">An ISO 639-1 code such as <c>"en"</c> or <c>"es"</c>, or <c>"und"</c> when undetermined.</param>
/// <param name="Confidence">
/// From 0 to 1: how far the best language is ahead of the runner-up, damped for very short texts.
/// </param>
public readonly record struct LanguageGuess(string Code, double Confidence)
{
    /// <summary>The guess for text with nothing to go on (no letters): code <c>"und"</c>, confidence 0.</summary>
    public static LanguageGuess Undetermined { get; } = new("und", 0);
}
