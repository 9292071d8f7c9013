namespace Rapport.Server.Components.Surveys;

/// <summary>Which page the survey link shows.</summary>
public enum SurveyView
{
    Form,
    Thanks,
    AlreadyAnswered,
    Expired,
    Unknown,
}

/// <summary>Everything <see cref="SurveyDocument"/> renders: the view, what the survey is about, the form's values and errors.</summary>
public sealed record SurveyPageModel(SurveyView View)
{
    public string? Token { get; init; }

    public string? Subject { get; init; }

    public string? AgentFirstName { get; init; }

    public string? AntiforgeryField { get; init; }

    public string? AntiforgeryToken { get; init; }

    public string? Satisfaction { get; init; }

    public string? Understood { get; init; }

    public string? Comment { get; init; }

    /// <summary>Field name (satisfaction, understood, comment, form) → message.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
}
