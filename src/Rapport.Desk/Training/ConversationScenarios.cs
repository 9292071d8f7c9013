using Microsoft.EntityFrameworkCore;
using Rapport.Core.Training;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;

namespace Rapport.Desk.Training;

/// <summary>
/// Turns a resolved conversation into a stored training scenario: the customer's facts and feelings taken from it,
/// names and contact details anonymised by <see cref="ScenarioGenerator"/> (docs/training-scenarios.md).
/// </summary>
public sealed class ConversationScenarios(RapportDbContext db, ConversationService conversations, ScenarioCatalog catalog, TimeProvider time)
{
    /// <summary>Generates and stores the scenario of conversation <paramref name="conversationId"/>; null when there is no such conversation.</summary>
    /// <exception cref="DeskValidationException">The conversation is not resolved or closed, or has too little to build a scenario from.</exception>
    /// <exception cref="DeskConflictException">A scenario was already generated from it (the id is derived from the conversation).</exception>
    public async Task<CatalogScenario?> GenerateAsync(long conversationId, long? createdById, CancellationToken cancellationToken)
    {
        var conversation = await conversations.GetAsync(conversationId, cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            return null;
        }

        if (conversation.Status is not (ConversationStatus.Resolved or ConversationStatus.Closed))
        {
            throw new DeskValidationException("conversationId", $"Conversation {conversationId} is {conversation.Status.ToString().ToLowerInvariant()}; only resolved or closed conversations become scenarios.");
        }

        var agentIds = conversation.Messages.Where(m => m.AgentId is not null).Select(m => m.AgentId!.Value)
            .Concat(conversation.AssigneeId is { } assignee ? [assignee] : []).Distinct().ToList();
        var agentNames = await db.Agents.AsNoTracking().Where(a => agentIds.Contains(a.Id)).Select(a => a.Name)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var input = new ResolvedConversation(
            conversation.Subject,
            conversation.Customer?.Name ?? "Customer",
            agentNames,
            conversation.Channel.ToString().ToLowerInvariant(),
            [.. conversation.Messages
                .Where(m => m.Author is MessageAuthor.Customer or MessageAuthor.Agent)
                .Select(m => new ConversationMessage(m.Author == MessageAuthor.Customer ? ConversationAuthor.Customer : ConversationAuthor.Agent, m.Body))]);

        Scenario scenario;
        try
        {
            scenario = ScenarioGenerator.FromConversation(input);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidDataException)
        {
            throw new DeskValidationException("conversationId", $"Conversation {conversationId} cannot become a scenario: {exception.Message}");
        }

        var stored = await catalog.AddAsync(scenario, ScenarioWriter.ToJson(scenario), conversationId, createdById, time.GetUtcNow(), cancellationToken)
            .ConfigureAwait(false);
        return new CatalogScenario(scenario, true, stored.SourceConversationId);
    }
}
