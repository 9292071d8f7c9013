using Rapport.Desk.Conversations;

namespace Rapport.Desk.Widget;

/// <summary>A message as the visitor sees it: no reading, no review, no notes; agents by first name only.</summary>
/// <param name="Id">The message id; the widget drops ids it already shows.</param>
/// <param name="Author">Customer, Assistant or Agent (system messages and internal notes never reach the widget).</param>
/// <param name="Name">The agent's first name, for agent replies; null otherwise.</param>
/// <param name="Text">The body exactly as stored (plain text, never HTML).</param>
/// <param name="At">When it was written.</param>
public sealed record WidgetMessage(long Id, MessageAuthor Author, string? Name, string Text, DateTimeOffset At);

/// <summary>A chat just started: the conversation and the only copy of its token.</summary>
public sealed record StartedChat(long ConversationId, string Token, DateTimeOffset ExpiresAt);

/// <summary>What a token opens.</summary>
public enum WidgetTokenState
{
    Unknown,
    Expired,
    Valid,
}

/// <summary>The conversation a token opens (when <see cref="State"/> is Valid).</summary>
public readonly record struct WidgetAccess(WidgetTokenState State, long ConversationId);
