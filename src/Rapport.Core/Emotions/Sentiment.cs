namespace Rapport.Core.Emotions;

/// <summary>The sentiment grouping of GoEmotions: positive, negative, ambiguous (e.g. surprise, confusion) or neutral.</summary>
public enum Sentiment
{
    Positive,
    Negative,
    Ambiguous,
    Neutral,
}
