using Rapport.Desk.Conversations;

namespace Rapport.Desk.Importing;

/// <summary>One message to import, validated (docs/import.md describes the fields).</summary>
/// <param name="ConversationKey">The conversation's key in the source system; messages with the same key form one conversation.</param>
/// <param name="CustomerName">Who the customer is; customers are found by e-mail, else by name.</param>
/// <param name="CustomerEmail">The customer's e-mail, when known.</param>
/// <param name="Author">Customer messages are read by the engine, agent messages reviewed.</param>
/// <param name="Timestamp">When it was written, UTC.</param>
/// <param name="Channel">The channel it came on; the conversation takes its first message's.</param>
/// <param name="Text">The message, stored exactly as given.</param>
/// <param name="ExternalId">As given, or derived from the line (<see cref="ImportExternalIds"/>), so a re-import is a no-op.</param>
/// <param name="Subject">The conversation's subject; by default the first line of its first message.</param>
/// <param name="AgentEmail">For agent messages: the desk agent with this e-mail, when there is one.</param>
/// <param name="Labels">Added to the conversation's labels.</param>
public sealed record ImportRecord(
    string ConversationKey,
    string CustomerName,
    string? CustomerEmail,
    MessageAuthor Author,
    DateTimeOffset Timestamp,
    Channel Channel,
    string Text,
    string ExternalId,
    string? Subject,
    string? AgentEmail,
    IReadOnlyList<string> Labels);

/// <summary>One line (or CSV record) of an import: a record, or why it was rejected.</summary>
/// <param name="Line">1-based line number in the body where the line (record) starts.</param>
/// <param name="Record">The record, when the line is valid.</param>
/// <param name="Rejection">Why the line was rejected, when it is not.</param>
public readonly record struct ImportLine(int Line, ImportRecord? Record, string? Rejection)
{
    public static ImportLine Accepted(int line, ImportRecord record) => new(line, record, null);

    public static ImportLine Rejected(int line, string reason) => new(line, null, reason);
}

/// <summary>The fields of an import line; in JSON lines and CSV headers they are spelled in camelCase.</summary>
public enum ImportField
{
    Conversation,
    Customer,
    CustomerEmail,
    Author,
    Timestamp,
    Channel,
    Text,
    ExternalId,
    Subject,
    AgentEmail,
    Labels,
}
