using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Desk.Conversations;
using Rapport.Server.Api.Contracts;

namespace Rapport.Server.Api;

/// <summary><c>/api/v1/conversations/{id}/notes</c>: internal notes, seen by agents only.</summary>
internal static class ConversationNoteEndpoints
{
    /// <summary>The longest note (the column's size).</summary>
    public const int MaxNoteLength = 8000;

    internal static async Task<Results<Ok<NoteResponse[]>, ProblemHttpResult>> ListAsync(
        long id, ConversationService conversations, CancellationToken cancellationToken) =>
        await conversations.ListNotesAsync(id, cancellationToken).ConfigureAwait(false) is { } notes
            ? TypedResults.Ok(notes.Select(n => n.ToResponse()).ToArray())
            : NotFound.Problem("Conversation", id);

    internal static async Task<Results<Created<NoteResponse>, ValidationProblem, ProblemHttpResult>> PostAsync(
        long id, NoteRequest request, ConversationService conversations, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        var body = validator.Text("body", request.Body, required: true, maxLength: MaxNoteLength);
        if (!validator.IsValid || body is null)
        {
            return validator.Problem();
        }

        return await conversations.AddNoteAsync(id, new NewNote(body, request.AgentId), cancellationToken).ConfigureAwait(false) is { } note
            ? TypedResults.Created($"/api/v1/conversations/{id}/notes", note.ToResponse())
            : NotFound.Problem("Conversation", id);
    }
}
