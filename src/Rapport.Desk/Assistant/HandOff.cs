using System.Text.Json;
using Rapport.Desk.Agents;

namespace Rapport.Desk.Assistant;

/// <summary>
/// The assistant handed the conversation to a person: when, why, to whom and with which brief. At most one per
/// conversation; from then on the assistant stays silent on it (docs/assistant.md).
/// </summary>
public sealed class HandOff
{
    public long ConversationId { get; set; }

    public DateTimeOffset HandedOffAt { get; set; }

    /// <summary>The reasons' wire names (<c>highEscalationRisk</c>, <c>askedForPerson</c>, <c>failedTwice</c>, <c>billingDispute</c>, <c>security</c>).</summary>
    public List<string> Reasons { get; set; } = [];

    /// <summary>The agent the conversation was assigned to at hand-off; null when there was no agent to assign.</summary>
    public long? AgentId { get; set; }

    public Agent? Agent { get; set; }

    /// <summary>How the agent was chosen, in words (the assignment rule applied).</summary>
    public required string Assignment { get; set; }

    /// <summary>The <see cref="HandOffBrief"/> as JSON.</summary>
    public required string BriefJson { get; set; }

    public HandOffBrief Brief() =>
        JsonSerializer.Deserialize<HandOffBrief>(BriefJson, DeskJson.Options) ?? throw new InvalidOperationException("The stored hand-off brief is empty.");
}
