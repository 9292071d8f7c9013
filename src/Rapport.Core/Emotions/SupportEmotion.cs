namespace Rapport.Core.Emotions;

/// <summary>The emotions support teams act on. <see cref="Neutral"/> means none of the others was read.</summary>
public enum SupportEmotion
{
    Anger,
    Frustration,
    Disappointment,
    Worry,
    Confusion,
    Impatience,
    Gratitude,
    Relief,
    Neutral,
}
