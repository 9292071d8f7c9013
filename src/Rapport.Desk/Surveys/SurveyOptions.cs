using System.ComponentModel.DataAnnotations;

namespace Rapport.Desk.Surveys;

/// <summary>The <c>Rapport:Surveys</c> section.</summary>
public sealed class SurveyOptions
{
    public const string Section = "Rapport:Surveys";

    /// <summary>How long a survey link can be answered (default 14 days; 1 hour to 365 days).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// The public address survey links start with (e.g. https://support.example.com); when empty, the address of the
    /// request that created the survey. Jobs that create surveys outside a request need it set.
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }
}
