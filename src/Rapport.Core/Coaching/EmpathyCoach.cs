namespace Rapport.Core.Coaching;

/// <summary>
/// Reviews an agent's draft reply against the practices of empathetic service (<see cref="Practice"/>) and the three
/// EPITOME mechanisms, with a concrete suggestion for every missed practice. Pure and thread-safe.
/// </summary>
public sealed class EmpathyCoach
{
    /// <summary>The most a reply that blames or dismisses the customer can score.</summary>
    public const int CriticalFailureCap = 30;

    private static readonly Lazy<EmpathyCoach> LazyDefault = new(() => new EmpathyCoach());

    private readonly EmpathyMechanismDetector _mechanisms;

    private EmpathyCoach()
    {
        // Load every data file now, so the first review on a keystroke is not the slow one.
        _ = CoachPhrases.Default;
        _ = Emotions.EmotionAnalyzer.Default;
        _mechanisms = EmpathyMechanismDetector.Default;
    }

    /// <summary>The shared coach (its data loads on first use).</summary>
    public static EmpathyCoach Default => LazyDefault.Value;

    /// <summary>Reviews <paramref name="reply"/> as an answer to the conversation in <paramref name="context"/>.</summary>
    public EmpathyReview Review(string reply, ReviewContext context)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(context);
        return Review(ReplyText.Of(reply), CustomerFacts.From(context));
    }

    internal EmpathyReview Review(ReplyText reply, CustomerFacts customer)
    {
        var acknowledges = PracticeChecks.AcknowledgesFeeling(reply, customer);
        var reflects = PracticeChecks.ReflectsDetails(reply, customer);
        var solution = PracticeChecks.OffersSolution(reply, customer);
        var language = PracticeChecks.PositiveLanguage(reply, customer, out var critical);
        PracticeFinding[] findings =
        [
            PracticeChecks.Greeting(reply, customer),
            PracticeChecks.UsesName(reply, customer),
            acknowledges,
            PracticeChecks.Apologizes(reply, customer),
            PracticeChecks.ThanksCustomer(reply, customer),
            reflects,
            PracticeChecks.AsksClarifyingQuestion(reply, customer),
            PracticeChecks.TakesOwnership(reply, customer),
            language,
            solution,
            PracticeChecks.OffersAlternatives(reply),
            PracticeChecks.PromisesFollowUp(reply, customer),
            PracticeChecks.OffersFurtherHelp(reply),
            PracticeChecks.NotRobotic(reply, customer, reflects),
            PracticeChecks.AcknowledgesBeforeSolving(reply, customer, acknowledges, solution),
            PracticeChecks.Tone(reply),
        ];

        var mechanisms = _mechanisms.Detect(reply.Text, customer.Text);
        return new EmpathyReview(Score(findings, critical, reply), findings, mechanisms, customer.Reading);
    }

    /// <summary>The weighted share of applicable practices met, 0–100; capped when the reply blames or dismisses.</summary>
    private static int Score(PracticeFinding[] findings, bool critical, ReplyText reply)
    {
        if (reply.WordCount == 0)
        {
            return 0;
        }

        double met = 0;
        double applicable = 0;
        foreach (var finding in findings)
        {
            if (finding.Status == FindingStatus.NotApplicable)
            {
                continue;
            }

            applicable += finding.Weight;
            met += finding.Status == FindingStatus.Met ? finding.Weight : 0;
        }

        var score = applicable == 0 ? 0 : (int)Math.Round(100 * met / applicable);
        return critical ? Math.Min(score, CriticalFailureCap) : score;
    }
}
