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

/// <summary>A conversation with its customer, messages (readings and reviews) and notes; <c>handOff</c> when the assistant handed it to a person (with the brief).</summary>
internal sealed record ConversationDetail(
    ConversationSummary Conversation, CustomerResponse? Customer, IReadOnlyList<MessageResponse> Messages, IReadOnlyList<NoteResponse> Notes, HandOffResponse? HandOff = null);

internal sealed record MessageResponse(
    long Id,
    string Author,
    long? AgentId,
    string Body,
    string Channel,
    DateTimeOffset CreatedAt,
    string? ExternalId,
    StoredReadingResponse? Reading,
    StoredReviewResponse? Review,
    AssistantAnswerResponse? Assistant = null);

/// <summary>
/// What stands behind an assistant reply: <c>kind</c> answer, noAnswer or closing; the article (for a miss, the best one
/// found below the threshold) and retrieval's confidence; <c>generated</c> when the generative model wrote the text (and
/// <c>refinerNote</c>, why its reply was not used); <c>handOff</c> when this reply handed the conversation to a person.
/// </summary>
internal sealed record AssistantAnswerResponse(string Kind, string? ArticleSlug, string? ArticleTitle, double Confidence, bool Generated, string? RefinerNote, bool HandOff);

/// <summary>
/// The assistant handed the conversation to a person: when, why (<c>reasons</c>: highEscalationRisk, askedForPerson,
/// failedTwice, billingDispute, security), to whom and by which rule (<c>assignment</c>), and the <c>brief</c>: what
/// the customer needs, how they feel, what was tried, why.
/// </summary>
internal sealed record HandOffResponse(DateTimeOffset HandedOffAt, IReadOnlyList<string> Reasons, long? AgentId, string? AgentName, string Assignment, Rapport.Desk.Assistant.HandOffBrief Brief);

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

/// <summary>
/// Answer to a stored message: the message, its review (agent replies) and the conversation's new priority; for a
/// customer message the assistant answered, its reply (<c>assistantReply</c>) and, when it handed off, the hand-off.
/// </summary>
internal sealed record PostedMessageResponse(
    MessageResponse Message, ReviewResponse? Review, ConversationSummary Conversation, MessageResponse? AssistantReply = null, HandOffResponse? HandOff = null);
