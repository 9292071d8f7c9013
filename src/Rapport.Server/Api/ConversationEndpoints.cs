using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Assistant;
using Rapport.Desk.Data;
using Rapport.Desk.Conversations;
using Rapport.Desk.Sla;
using Rapport.Server.Api.Contracts;
using Rapport.Server.Live;

namespace Rapport.Server.Api;

/// <summary><c>/api/v1/conversations</c>: the inbox, conversation detail, status, assignment and messages.</summary>
internal static class ConversationEndpoints
{
    private const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapConversations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/conversations").WithTags("Conversations").PublishConversationChanges();
        group.MapGet("", ListAsync).WithName("ListConversations")
            .WithSummary("The inbox: filter by status, channel, assignee, team, label and minimum escalation risk; sort by priority, newest or waiting; cursor paging.");
        group.MapPost("", CreateAsync).WithName("CreateConversation").WithSummary("Opens a conversation, optionally with labels and the customer's first message.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id:long}", GetAsync).WithName("GetConversation").WithSummary("A conversation with its messages, readings, reviews, notes and, when the assistant handed it to a person, the hand-off brief.");
        group.MapGet("/{id:long}/handoff", GetHandOffAsync).WithName("GetHandOff")
            .WithSummary("The assistant's hand-off of the conversation to a person: when, why, to whom, and the brief (what the customer needs, how they feel, what was tried). 404 when it was not handed off.");
        group.MapPut("/{id:long}/status", ChangeStatusAsync).WithName("ChangeConversationStatus").WithSummary("Sets the status: open, pending, resolved or closed (a closed conversation stays closed: 422).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:long}/assignee", AssignAsync).WithName("AssignConversation").WithSummary("Assigns the conversation to an agent (null unassigns).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:long}/labels", SetLabelsAsync).WithName("SetConversationLabels")
            .WithSummary("Replaces the labels: trimmed, lowercased, at most 20 of at most 40 characters, no control characters.");
        group.MapGet("/{id:long}/notes", ConversationNoteEndpoints.ListAsync).WithName("ListNotes").WithSummary("The conversation's internal notes, oldest first.");
        group.MapPost("/{id:long}/notes", ConversationNoteEndpoints.PostAsync).WithName("PostNote")
            .WithSummary("Adds an internal note (seen by agents only); agentId is optional and must be an agent of the desk.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:long}/messages", ConversationMessageEndpoints.PostAsync).WithName("PostMessage")
            .WithSummary("Adds a customer message (read by the engine) or an agent reply (reviewed; ?dryRun=true returns the review without storing).")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    internal static async Task<Results<Ok<ConversationPageResponse>, ValidationProblem>> ListAsync(
        ConversationService conversations, SlaService sla, CancellationToken cancellationToken,
        string? status = null, string? channel = null, long? assignee = null, string? sort = null, string? cursor = null, int limit = 25,
        long? team = null, double? minRisk = null, string? label = null)
    {
        var validator = new RequestValidator();
        string? labelValue = null;
        if (label is not null && (labelValue = ConversationLabels.Normalize(label, out var labelError)) is null)
        {
            validator.Add("label", labelError!);
        }

        var statusValue = validator.Enum<ConversationStatus>("status", status, required: false);
        var channelValue = validator.Enum<Channel>("channel", channel, required: false);
        var sortValue = validator.Enum<ConversationSort>("sort", sort, required: false) ?? ConversationSort.Priority;
        validator.Range("limit", limit, 1, MaxLimit);
        if (minRisk is { } risk && !(risk >= 0 && risk <= 1))
        {
            validator.Add("minRisk", "'minRisk' must be between 0 and 1.");
        }

        ConversationCursor? position = null;
        if (cursor is not null && (!ConversationCursor.TryDecode(cursor, out position) || position!.Sort != sortValue))
        {
            validator.Add("cursor", "'cursor' is not a cursor of this listing: pass nextCursor from the previous page with the same sort.");
        }

        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        var page = await conversations.ListAsync(new ConversationQuery(statusValue, channelValue, assignee, sortValue, position, limit, team, minRisk, Label: labelValue), cancellationToken)
            .ConfigureAwait(false);
        var clocks = await sla.StatesAsync([.. page.Items.Select(c => c.Id)], cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ConversationPageResponse([.. page.Items.Select(c => c.ToSummary(clocks.GetValueOrDefault(c.Id)))], page.NextCursor));
    }

    internal static async Task<Results<Created<ConversationDetail>, ValidationProblem>> CreateAsync(
        NewConversationRequest request, ConversationService conversations, AssistantResponder assistant, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        if (request.CustomerId is null)
        {
            validator.Add("customerId", "'customerId' is required.");
        }

        var channel = validator.Enum<Channel>("channel", request.Channel, required: true);
        var subject = validator.Text("subject", request.Subject, required: true, maxLength: 300);
        var message = validator.Text("message", request.Message, required: false);
        var labels = validator.Labels("labels", request.Labels);
        if (!validator.IsValid || request.CustomerId is not { } customerId || channel is not { } ch || subject is null)
        {
            return validator.Problem();
        }

        var conversation = await conversations.StartAsync(new NewConversation(customerId, ch, subject, Labels: labels), cancellationToken).ConfigureAwait(false);
        if (message is not null)
        {
            await conversations.AddCustomerMessageAsync(conversation.Id, new NewMessage(message), cancellationToken).ConfigureAwait(false);

            // On the assistant's channels it answers the first message at once; its reply is in the detail below.
            await assistant.RespondAsync(conversation.Id, cancellationToken).ConfigureAwait(false);
        }

        var detail = await conversations.GetAsync(conversation.Id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/conversations/{conversation.Id}", detail!.ToDetail());
    }

    internal static async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> GetAsync(
        long id, ConversationService conversations, SlaService sla, CancellationToken cancellationToken)
    {
        if (await conversations.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } conversation)
        {
            return NotFound.Problem("Conversation", id);
        }

        var clocks = await sla.StatesAsync([id], cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(conversation.ToDetail(clocks.GetValueOrDefault(id)));
    }

    internal static async Task<Results<Ok<HandOffResponse>, ProblemHttpResult>> GetHandOffAsync(long id, RapportDbContext db, CancellationToken cancellationToken)
    {
        var handOff = await db.HandOffs.AsNoTracking().Include(h => h.Agent).FirstOrDefaultAsync(h => h.ConversationId == id, cancellationToken).ConfigureAwait(false);
        if (handOff is not null)
        {
            return TypedResults.Ok(handOff.ToResponse());
        }

        return await db.Conversations.AnyAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false)
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not handed off", detail: $"The assistant has not handed conversation {id} to a person.")
            : NotFound.Problem("Conversation", id);
    }

    internal static async Task<Results<Ok<ConversationSummary>, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        long id, StatusRequest request, ConversationService conversations, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        if (validator.Enum<ConversationStatus>("status", request.Status, required: true) is not { } status)
        {
            return validator.Problem();
        }

        return await conversations.ChangeStatusAsync(id, status, cancellationToken).ConfigureAwait(false) is { } conversation
            ? TypedResults.Ok(conversation.ToSummary())
            : NotFound.Problem("Conversation", id);
    }

    internal static async Task<Results<Ok<ConversationSummary>, ValidationProblem, ProblemHttpResult>> SetLabelsAsync(
        long id, LabelsRequest request, ConversationService conversations, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        if (request.Labels is null)
        {
            validator.Add("labels", "'labels' is required: an array of strings ([] clears them).");
        }

        var labels = validator.Labels("labels", request.Labels);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        return await conversations.SetLabelsAsync(id, labels, cancellationToken).ConfigureAwait(false) is { } conversation
            ? TypedResults.Ok(conversation.ToSummary())
            : NotFound.Problem("Conversation", id);
    }

    internal static async Task<Results<Ok<ConversationSummary>, ProblemHttpResult>> AssignAsync(
        long id, AssignRequest request, ConversationService conversations, CancellationToken cancellationToken) =>
        await conversations.AssignAsync(id, request.AgentId, cancellationToken).ConfigureAwait(false) is { } conversation
            ? TypedResults.Ok(conversation.ToSummary())
            : NotFound.Problem("Conversation", id);
}
