namespace Rapport.Core.Coaching.Mechanisms;

/// <summary>The three EPITOME mechanisms, as indices.</summary>
internal enum Mechanism : byte
{
    EmotionalReactions,
    Interpretations,
    Explorations,
}

/// <summary>Which sentences a phrase counts in.</summary>
internal enum PhraseScope : byte
{
    /// <summary>Any sentence.</summary>
    Any,

    /// <summary>Only sentences ending with a question mark (<c>[question]</c>).</summary>
    Question,

    /// <summary>Only sentences not ending with a question mark (<c>[statement]</c>).</summary>
    Statement,
}

/// <summary>
/// A line of the phrase file: where its pattern matches, the mechanism is shown at <paramref name="Level"/>;
/// level <see cref="MechanismLevel.None"/> vetoes other phrases of the same mechanism that overlap it
/// ("sorry for my English" is not compassion).
/// </summary>
internal readonly record struct PhraseRule(Mechanism Mechanism, MechanismLevel Level, PhraseScope Scope, bool AtSentenceStart, bool AtSentenceEnd, int Line);

/// <summary>A phrase found in a text: rule index and token span [<paramref name="FirstToken"/>, <paramref name="EndToken"/>).</summary>
internal readonly record struct PhraseHit(int Rule, int FirstToken, int EndToken);
