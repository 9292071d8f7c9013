using Microsoft.AspNetCore.Http.HttpResults;

namespace Rapport.Server.Api;

/// <summary>404 as problem details, naming what was not found.</summary>
internal static class NotFound
{
    public static ProblemHttpResult Problem(string what, long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found", detail: $"There is no {what.ToLowerInvariant()} with id {id}.");
}
