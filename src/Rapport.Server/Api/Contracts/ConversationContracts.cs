namespace Rapport.Server.Api.Contracts;

/// <summary>Body of <c>POST /api/v1/conversations</c>; <c>message</c>, when given, is the customer's first message;
/// <c>labels</c> are trimmed and lowercased (at most 20 of 40 characters).</summary>
internal sealed record NewConversationRequest(long? CustomerId, string? Channel, string? Subject, string? Message, IReadOnlyList<string?>? Labels = null);

/// <summary>Body of <c>PUT /api/v1/conversations/{id}/labels</c>: the new labels, replacing the old ones ([] clears them).</summary>
internal sealed record LabelsRequest(IReadOnlyList<string?>? Labels);

/// <summary>Body of <c>POST /api/v1/conversations/{id}/notes</c>: an internal note, optionally by an agent.</summary>
internal sealed record NoteRequest(string? Body, long? AgentId);

/// <summary>Body of <c>PUT /api/v1/conversations/{id}/status</c>.</summary>
internal sealed record StatusRequest(string? Status);

/// <summary>Body of <c>PUT /api/v1/conversations/{id}/assignee</c>; a null agent unassigns.</summary>
internal sealed record AssignRequest(long? AgentId);

/// <summary>Body of <c>POST /api/v1/conversations/{id}/messages</c>: <c>author</c> is customer or agent.</summary>
internal sealed record MessageRequest(string? Author, string? Body, long? AgentId, string? Channel, string? ExternalId);

/// <summary>A conversation in the inbox; <c>sla</c> is its running response clock (null when nobody waits; filled by the inbox and detail reads).</summary>
internal sealed record ConversationSummary(
    long Id,
    long CustomerId,
    string? CustomerName,
    string Channel,
    string Subject,
    string Status,
    long? AssigneeId,
    double Priority,
    string PriorityReason,
    double EscalationRisk,
    DateTimeOffset CreatedAt,
    DateTimeOffset? WaitingSince,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<string> Labels,
    SlaStateResponse? Sla = null);

/// <summary>One page of the inbox; pass <c>nextCursor</c> as <c>cursor</c> for the next one (null on the last page).</summary>
internal sealed record ConversationPageResponse(IReadOnlyList<ConversationSummary> Items, string? NextCursor);

/// <summary>A conversation with its customer, messages (readings and reviews) and notes.</summary>
internal sealed record ConversationDetail(ConversationSummary Conversation, CustomerResponse? Customer, IReadOnlyList<MessageResponse> Messages, IReadOnlyList<NoteResponse> Notes);

internal sealed record MessageResponse(
    long Id,
    string Author,
    long? AgentId,
    string Body,
    string Channel,
    DateTimeOffset CreatedAt,
    string? ExternalId,
    StoredReadingResponse? Reading,
    StoredReviewResponse? Review);

/// <summary>The stored emotion reading of a customer message; <c>engineVersion</c> says which engine read it.</summary>
internal sealed record StoredReadingResponse(
    string EngineVersion,
    string Language,
    IReadOnlyList<string> Labels,
    IReadOnlyDictionary<string, double> Scores,
    double Valence,
    double Intensity,
    double EscalationRisk,
    IReadOnlyList<EvidenceResponse> Evidence);

/// <summary>The stored empathy review of an agent message.</summary>
internal sealed record StoredReviewResponse(string EngineVersion, int Score, IReadOnlyList<StoredFindingResponse> Findings, int EmotionalReactions, int Interpretations, int Explorations);

internal sealed record StoredFindingResponse(string Practice, string Status, int Weight, string? Suggestion);

internal sealed record NoteResponse(long Id, long? AgentId, string Body, DateTimeOffset CreatedAt);

/// <summary>Answer to a stored message: the message, its review (agent replies) and the conversation's new priority.</summary>
internal sealed record PostedMessageResponse(MessageResponse Message, ReviewResponse? Review, ConversationSummary Conversation);
