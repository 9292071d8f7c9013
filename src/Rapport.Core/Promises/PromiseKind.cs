namespace Rapport.Core.Promises;

/// <summary>What an agent committed to (docs/promises.md).</summary>
public enum PromiseKind
{
    /// <summary>"I'll call you back", "we'll ring you".</summary>
    CallBack,

    /// <summary>"You'll get an update", "I'll let you know", "I'll keep you posted".</summary>
    Update,

    /// <summary>"I'll get back to you", "I'll follow up", "I'll be in touch".</summary>
    FollowUp,

    /// <summary>"I will check with the warehouse", "let me look into it", "I'll find out".</summary>
    Check,

    /// <summary>"We'll refund you", "you'll get your money back", "I'll credit your account".</summary>
    Refund,

    /// <summary>"I'll send a replacement", "we'll replace it".</summary>
    Replacement,

    /// <summary>"I'll send you the label", "I'll email you the invoice".</summary>
    Send,

    /// <summary>"I'll fix it", "we'll get this sorted", "I'll resolve this".</summary>
    Fix,

    /// <summary>"I'll escalate this", "I'll pass this to my manager".</summary>
    Escalate,
}
