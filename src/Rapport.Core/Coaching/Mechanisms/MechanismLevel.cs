namespace Rapport.Core.Coaching;

/// <summary>
/// How strongly a reply uses one empathy communication mechanism, on EPITOME's scale (Sharma et al., EMNLP 2020).
/// </summary>
public enum MechanismLevel
{
    /// <summary>The mechanism is absent.</summary>
    None = 0,

    /// <summary>The mechanism is present but generic, e.g. "How are you?" or "Hang in there".</summary>
    Weak = 1,

    /// <summary>The mechanism is present and specific, e.g. "I'm so sorry you're going through this".</summary>
    Strong = 2,
}
