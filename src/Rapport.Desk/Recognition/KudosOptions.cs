using System.ComponentModel.DataAnnotations;

namespace Rapport.Desk.Recognition;

/// <summary>The <c>Rapport:Recognition</c> section.</summary>
public sealed class KudosOptions
{
    public const string Section = "Rapport:Recognition";

    /// <summary>How far back suggestions look for strong replies (default 30 days; 1 to 365 days).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan SuggestionWindow { get; set; } = TimeSpan.FromDays(30);
}
