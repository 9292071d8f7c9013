namespace Rapport.Core.Emotions;

/// <summary>Lower-case wire names of the emotion enums ("anger", "escalation"...), shared by the CLI and the API.</summary>
public static class EmotionNames
{
    private static readonly string[] Support = ["anger", "frustration", "disappointment", "worry", "confusion", "impatience", "gratitude", "relief", "neutral"];
    private static readonly string[] Ekman = ["anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral"];
    private static readonly string[] Sentiments = ["positive", "negative", "ambiguous", "neutral"];

    /// <summary>The wire name of a support emotion.</summary>
    public static string Name(this SupportEmotion emotion) => Support[(int)emotion];

    /// <summary>The wire name of an Ekman emotion.</summary>
    public static string Name(this EkmanEmotion emotion) => Ekman[(int)emotion];

    /// <summary>The wire name of a sentiment.</summary>
    public static string Name(this Sentiment sentiment) => Sentiments[(int)sentiment];

    /// <summary>Parses a support emotion's wire name.</summary>
    public static bool TryParse(string name, out SupportEmotion emotion)
    {
        var i = Array.IndexOf(Support, name.ToLowerInvariant());
        emotion = (SupportEmotion)Math.Max(i, 0);
        return i >= 0;
    }
}
