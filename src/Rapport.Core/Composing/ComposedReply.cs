using Rapport.Core.Coaching;

namespace Rapport.Core.Composing;

/// <summary>A composed reply and the coach's review of it.</summary>
public sealed record ComposedReply(string Text, EmpathyReview Review);
