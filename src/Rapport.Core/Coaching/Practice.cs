namespace Rapport.Core.Coaching;

/// <summary>The practices of empathetic service that <see cref="EmpathyCoach"/> checks in a reply.</summary>
public enum Practice
{
    Greeting,
    UsesName,
    AcknowledgesFeeling,
    Apologizes,
    ThanksCustomer,
    ReflectsDetails,
    AsksClarifyingQuestion,
    TakesOwnership,
    PositiveLanguage,
    OffersSolution,
    OffersAlternatives,
    PromisesFollowUp,
    OffersFurtherHelp,
    NotRobotic,
    AcknowledgesBeforeSolving,
    Tone,
}
