namespace Rapport.Core.Training;

/// <summary>
/// The numbers of the simulated customer's state model (docs/decisions/0010-training-simulator.md). Intensity moves by
/// the sum of the calming and escalating effects of each agent turn, clamped to [<see cref="MinIntensity"/>, 1].
/// </summary>
public static class TrainingRules
{
    /// <summary>Default intensity at or below which a customer is calm enough for the conversation to resolve.</summary>
    public const double DefaultCalmAt = 0.35;

    /// <summary>At or above this intensity the customer asks for a manager; a second time, they are escalated.</summary>
    public const double ManagerAt = 0.9;

    /// <summary>At or above this intensity a negative customer's feeling turns to anger.</summary>
    public const double AngerAt = 0.8;

    /// <summary>The lowest intensity (nobody is perfectly calm while talking to support).</summary>
    public const double MinIntensity = 0.05;

    /// <summary>The feeling was acknowledged (the first time; later acknowledgements count half).</summary>
    public const double Acknowledged = -0.12;

    /// <summary>An apology, when the company is at fault (the first time; later ones count 0.02).</summary>
    public const double Apologised = -0.05;

    /// <summary>The reply said the customer's own details back.</summary>
    public const double ReflectedDetails = -0.06;

    /// <summary>The agent took ownership in the first person.</summary>
    public const double TookOwnership = -0.06;

    /// <summary>Per resolution item the reply newly covers (a concrete next step).</summary>
    public const double CoveredItem = -0.10;

    /// <summary>The reply set expectations: when and how the customer will hear back.</summary>
    public const double PromisedFollowUp = -0.03;

    /// <summary>The customer's name was used.</summary>
    public const double UsedName = -0.02;

    /// <summary>A good question revealed a fact: the customer feels listened to.</summary>
    public const double AskedGoodQuestion = -0.04;

    /// <summary>Per phrase that especially calms this customer (at most two count).</summary>
    public const double CalmingPhrase = -0.05;

    /// <summary>The reply was robotic: canned or so generic it could go to anyone.</summary>
    public const double Robotic = 0.12;

    /// <summary>The reply blamed or dismissed the customer ("calm down", "you should have").</summary>
    public const double BlamedOrDismissed = 0.25;

    /// <summary>Policy language or a bare "can't" without an alternative.</summary>
    public const double NegativeLanguage = 0.08;

    /// <summary>The feeling was ignored while the customer was clearly upset (intensity at least 0.5).</summary>
    public const double IgnoredFeeling = 0.06;

    /// <summary>Evasive: no ownership, no new resolution item and no question.</summary>
    public const double Evasive = 0.08;

    /// <summary>Per phrase that especially annoys this customer (at most two count).</summary>
    public const double AnnoyingPhrase = 0.10;

    /// <summary>The agent sent the same reply as before.</summary>
    public const double Repeated = 0.10;

    /// <summary>An empty reply.</summary>
    public const double Empty = 0.15;

    /// <summary>A turn whose effect exceeds this costs one unit of patience.</summary>
    public const double BadTurnAbove = 0.0;
}
