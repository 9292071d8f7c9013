namespace Rapport.Core.Composing;

/// <summary>What the agent wants to say; <see cref="ReplyComposer"/> wraps it in an empathetic reply.</summary>
/// <param name="Answer">The agent's core answer (facts and instructions), possibly curt. Kept verbatim.</param>
/// <param name="Alternatives">Alternatives to offer (e.g. when declining), each kept verbatim.</param>
/// <param name="FollowUp">A follow-up or timeline to promise (e.g. "by Friday"), if any.</param>
/// <param name="Seed">Chooses among phrasings; the same seed gives the same reply.</param>
/// <param name="PreviousReplies">The agent's earlier replies in this conversation, whose phrasings are not repeated.</param>
public sealed record ComposeRequest(
    string Answer,
    IReadOnlyList<string>? Alternatives = null,
    string? FollowUp = null,
    int Seed = 0,
    IReadOnlyList<string>? PreviousReplies = null);
