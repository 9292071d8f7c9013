using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Desk.Assistant;
using Rapport.Desk.Conversations;
using Rapport.Server.Api.Contracts;

namespace Rapport.Server.Api;

/// <summary>
/// <c>POST /api/v1/conversations/{id}/messages</c>: customer messages in (the assistant answers them on its channels,
/// docs/assistant.md), agent replies out (or reviewed only).
/// </summary>
internal static class ConversationMessageEndpoints
{
    internal static async Task<Results<Created<PostedMessageResponse>, Ok<ReviewResponse>, ValidationProblem, ProblemHttpResult>> PostAsync(
        long id, MessageRequest request, ConversationService conversations, AssistantResponder assistant, CancellationToken cancellationToken, bool dryRun = false)
    {
        var validator = new RequestValidator();
        var author = validator.Enum<MessageAuthor>("author", request.Author, required: true);
        var body = validator.Text("body", request.Body, required: true);
        var channel = validator.Enum<Channel>("channel", request.Channel, required: false);
        var externalId = validator.Text("externalId", request.ExternalId, required: false, maxLength: 200);
        if (author is not (null or MessageAuthor.Customer or MessageAuthor.Agent))
        {
            validator.Add("author", "'author' must be customer or agent here; assistant and system messages are written by the desk.");
        }

        if (dryRun && author == MessageAuthor.Customer)
        {
            validator.Add("dryRun", "'dryRun' applies to agent replies only.");
        }

        if (!validator.IsValid || body is null)
        {
            return validator.Problem();
        }

        Message? stored;
        ReviewResponse? review = null;
        AssistantOutcome? answered = null;
        if (author == MessageAuthor.Customer)
        {
            stored = await conversations.AddCustomerMessageAsync(id, new NewMessage(body, channel, externalId), cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                answered = await assistant.RespondAsync(id, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            var result = await conversations.AddAgentReplyAsync(id, new AgentReply(body, request.AgentId), dryRun, cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                return NotFound.Problem("Conversation", id);
            }

            review = ReviewResponse.From(result.Review, body);
            if (dryRun)
            {
                return TypedResults.Ok(review);
            }

            stored = result.Message;
        }

        if (stored is null)
        {
            return NotFound.Problem("Conversation", id);
        }

        var conversation = await conversations.GetSummaryAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created(
            $"/api/v1/conversations/{id}",
            new PostedMessageResponse(
                stored.ToResponse(), review, conversation!.ToSummary(), answered?.Reply.ToResponse(), answered?.HandOff?.ToResponse(answered.AssignedTo?.Name)));
    }
}
