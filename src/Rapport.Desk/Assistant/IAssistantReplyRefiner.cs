using Rapport.Core.Assistant;

namespace Rapport.Desk.Assistant;

/// <summary>
/// The optional generative path (issue 8): given the assistant's composed reply and the knowledge-base passages it was
/// built from, a refiner may ask a model for a more natural reply. The generated text is used only when it passes the
/// guard (the coach's threshold, and it cites only the passages given); otherwise the composed reply stands. Off by
/// default: with no refiner registered the composed reply is always sent.
/// </summary>
public interface IAssistantReplyRefiner
{
    /// <summary>Returns the reply to send: the generated one when it passed the guard, else <paramref name="composed"/>'s text.</summary>
    /// <param name="turn">The customer's turn the reply answers.</param>
    /// <param name="composed">The composed reply (answered, no hand-off).</param>
    /// <param name="passages">The knowledge-base passages the model may use and cite, best first.</param>
    /// <param name="cancellationToken">Cancels the model call; the caller then sends the composed reply.</param>
    Task<RefinedReply> RefineAsync(AssistantTurn turn, AssistantReply composed, IReadOnlyList<AssistantPassage> passages, CancellationToken cancellationToken);
}

/// <summary>What a refiner decided.</summary>
/// <param name="Text">The reply to send.</param>
/// <param name="Generated">True when <paramref name="Text"/> is the model's reply (it passed the guard).</param>
/// <param name="RejectedBecause">Why the model's reply was not used (the guard's reason, a timeout, an error), or null.</param>
public sealed record RefinedReply(string Text, bool Generated, string? RejectedBecause);
