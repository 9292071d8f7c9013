namespace Rapport.Desk.Importing;

/// <summary>The lengths an import line may have: the same as the API's and the columns' (docs/import.md).</summary>
public static class ImportLimits
{
    /// <summary>The engine reads up to 32,768 characters; longer text is refused rather than silently cut.</summary>
    public const int MaxTextLength = 32_768;

    public const int MaxKeyLength = 200;

    public const int MaxNameLength = 200;

    public const int MaxEmailLength = 320;

    public const int MaxSubjectLength = 300;

    public const int MaxLabels = 20;

    public const int MaxLabelLength = 50;

    /// <summary>The subject taken from the first message is cut here (at a word when it can be).</summary>
    public const int DerivedSubjectLength = 80;
}
