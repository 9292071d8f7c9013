using Rapport.Core.Coaching;

namespace Rapport.Desk.Conversations;

/// <summary>A conversation to open; CreatedAt is for imports and the demo (null means now); labels already normalised
/// (<see cref="ConversationLabels"/>).</summary>
public sealed record NewConversation(long CustomerId, Channel Channel, string Subject, DateTimeOffset? CreatedAt = null, IReadOnlyList<string>? Labels = null);

/// <summary>An inbound customer message; CreatedAt is for imports and the demo (null means now).</summary>
public sealed record NewMessage(string Body, Channel? Channel = null, string? ExternalId = null, DateTimeOffset? CreatedAt = null);

/// <summary>An agent's reply; <paramref name="SentBelowThreshold"/> records that the agent chose "Send anyway" after the
/// pre-send guard warned that it scores below the team's threshold.</summary>
public sealed record AgentReply(string Body, long? AgentId = null, DateTimeOffset? CreatedAt = null, bool SentBelowThreshold = false);

/// <summary>The review of an agent reply, and the stored message unless it was a dry run.</summary>
public sealed record AgentReplyResult(EmpathyReview Review, Message? Message);

/// <summary>An internal note; <see cref="AgentId"/>, when given, must be an agent of the desk.</summary>
public sealed record NewNote(string Body, long? AgentId = null);
