using Microsoft.AspNetCore.Http.HttpResults;
using Rapport.Desk.Promises;
using Rapport.Server.Api.Contracts;

namespace Rapport.Server.Api;

/// <summary>
/// The promise ledger (docs/promises.md): a conversation's and a customer's promises, an agent's list with its
/// reminders, and marking a promise kept.
/// </summary>
internal static class PromiseEndpoints
{
    public static IEndpointRouteBuilder MapPromises(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/promises").WithTags("Promises");
        group.MapGet("", ListAsync).WithName("ListPromises")
            .WithSummary("Promises by due time, filtered by ?agentId= and ?status= (open, kept, broken); reminded ones say so.");
        group.MapPost("/{id:long}/kept", KeptAsync).WithName("KeepPromise")
            .WithSummary("Marks the promise kept (a broken one as kept late, which lifts its priority bump); keeping it again changes nothing.");
        app.MapGet("/api/v1/conversations/{id:long}/promises", ConversationAsync).WithTags("Promises").WithName("ListConversationPromises")
            .WithSummary("The conversation's promises by due time (?status=open for the open ones).");
        app.MapGet("/api/v1/customers/{id:long}/promises", CustomerAsync).WithTags("Promises").WithName("ListCustomerPromises")
            .WithSummary("The promises made to the customer across their conversations (?status=open for the open ones).");
        return app;
    }

    internal static async Task<Results<Ok<PromiseResponse[]>, ValidationProblem>> ListAsync(
        PromiseLedger ledger, CancellationToken cancellationToken, long? agentId = null, string? status = null)
    {
        var validator = new RequestValidator();
        var statusValue = validator.Enum<PromiseStatus>("status", status, required: false);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        return TypedResults.Ok((await ledger.ListAsync(agentId, statusValue, cancellationToken).ConfigureAwait(false)).Select(PromiseResponse.From).ToArray());
    }

    internal static async Task<Results<Ok<PromiseResponse>, ProblemHttpResult>> KeptAsync(long id, PromiseLedger ledger, CancellationToken cancellationToken) =>
        await ledger.MarkKeptAsync(id, cancellationToken).ConfigureAwait(false) is { } promise
            ? TypedResults.Ok(PromiseResponse.From(promise))
            : NotFound.Problem("Promise", id);

    internal static async Task<Results<Ok<PromiseResponse[]>, ValidationProblem, ProblemHttpResult>> ConversationAsync(
        long id, PromiseLedger ledger, CancellationToken cancellationToken, string? status = null)
    {
        var validator = new RequestValidator();
        var statusValue = validator.Enum<PromiseStatus>("status", status, required: false);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        return await ledger.ListForConversationAsync(id, statusValue, cancellationToken).ConfigureAwait(false) is { } list
            ? TypedResults.Ok(list.Select(PromiseResponse.From).ToArray())
            : NotFound.Problem("Conversation", id);
    }

    internal static async Task<Results<Ok<PromiseResponse[]>, ValidationProblem, ProblemHttpResult>> CustomerAsync(
        long id, PromiseLedger ledger, CancellationToken cancellationToken, string? status = null)
    {
        var validator = new RequestValidator();
        var statusValue = validator.Enum<PromiseStatus>("status", status, required: false);
        if (!validator.IsValid)
        {
            return validator.Problem();
        }

        return await ledger.ListForCustomerAsync(id, statusValue, cancellationToken).ConfigureAwait(false) is { } list
            ? TypedResults.Ok(list.Select(PromiseResponse.From).ToArray())
            : NotFound.Problem("Customer", id);
    }
}
