using Rapport.Core.Coaching;

namespace Rapport.Server.Components.Workspace;

/// <summary>The live coach's view of a draft: the score, the checklist and the draft's evidence as highlights.</summary>
internal sealed record CoachView(int Score, IReadOnlyList<PracticeFinding> Findings, IReadOnlyList<Highlight> DraftHighlights, double ServerMilliseconds)
{
    public static CoachView Of(EmpathyReview review, double milliseconds)
    {
        ArgumentNullException.ThrowIfNull(review);
        var highlights = new List<Highlight>();
        foreach (var finding in review.Findings)
        {
            // Met practices show where the draft meets them; tone and positive language show what breaks them.
            var breaks = finding.Status == FindingStatus.Missed && finding.Practice is Practice.Tone or Practice.PositiveLanguage or Practice.NotRobotic;
            if (finding.Status != FindingStatus.Met && !breaks)
            {
                continue;
            }

            foreach (var range in finding.Evidence)
            {
                highlights.Add(new Highlight(range.Start.Value, range.End.Value, PracticeName(finding.Practice) + (breaks ? ": rephrase" : ""), breaks ? "ev-bad" : "ev-good"));
            }
        }

        // Order: what to fix first (missed, heaviest), then met, then not applicable.
        var ordered = review.Findings
            .OrderBy(f => f.Status switch { FindingStatus.Missed => 0, FindingStatus.Met => 1, _ => 2 })
            .ThenByDescending(f => f.Weight)
            .ToList();
        return new CoachView(review.Score, ordered, highlights, milliseconds);
    }

    public static string PracticeName(Practice practice) => practice switch
    {
        Practice.Greeting => "Greeting",
        Practice.UsesName => "Use their name",
        Practice.AcknowledgesFeeling => "Acknowledge feelings",
        Practice.Apologizes => "Apologise",
        Practice.ThanksCustomer => "Thank the customer",
        Practice.ReflectsDetails => "Reflect their details",
        Practice.AsksClarifyingQuestion => "Ask a clarifying question",
        Practice.TakesOwnership => "Take ownership",
        Practice.PositiveLanguage => "Positive language",
        Practice.OffersSolution => "Offer a solution",
        Practice.OffersAlternatives => "Offer alternatives",
        Practice.PromisesFollowUp => "Promise a follow-up",
        Practice.OffersFurtherHelp => "Offer further help",
        Practice.NotRobotic => "Sound human, not canned",
        Practice.AcknowledgesBeforeSolving => "Acknowledge before solving",
        Practice.Tone => "Tone",
        _ => practice.ToString(),
    };

    public static string StatusName(FindingStatus status) => status switch
    {
        FindingStatus.Met => "met",
        FindingStatus.Missed => "missed",
        _ => "not applicable",
    };

    /// <summary>A word for the score band, so the number is not the only signal.</summary>
    public static string Band(int score) => score switch
    {
        >= 80 => "Warm",
        >= 60 => "Good",
        >= 40 => "Needs care",
        _ => "Cold",
    };
}
