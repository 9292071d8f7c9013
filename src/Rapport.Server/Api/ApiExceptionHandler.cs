using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Rapport.Desk;

namespace Rapport.Server.Api;

/// <summary>
/// Turns bad input into RFC 9457 problem details with the failing field, never a 500: 400 (malformed JSON, wrong
/// types, invalid UTF-8, empty body), 409 (<see cref="DeskConflictException"/>), 413, 415, 422
/// (<see cref="DeskValidationException"/>: well-formed but refers to something unknown or not allowed).
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, errors) = exception switch
        {
            DeskValidationException e => (StatusCodes.Status422UnprocessableEntity, "The request is valid but cannot be applied.", Errors(e.Field, e.Message)),
            DeskConflictException e => (StatusCodes.Status409Conflict, "The request conflicts with what is already stored.", Errors(e.Field, e.Message)),
            Microsoft.EntityFrameworkCore.DbUpdateException e when IsUniqueViolation(e) =>
                (StatusCodes.Status409Conflict, "The request conflicts with what is already stored.",
                    Errors("body", "Something in this request was stored at the same moment by another request (a duplicate external id, e-mail or name); nothing was changed.")),
            BadHttpRequestException { InnerException: JsonException json } e when IsInvalidUtf8(json) =>
                (e.StatusCode, "The request body is not valid UTF-8.", Errors(FieldOf(json.Path), "The body contains bytes that are not valid UTF-8; send JSON encoded as UTF-8.")),
            BadHttpRequestException { InnerException: JsonException json } e => (e.StatusCode, "The request body is not valid JSON for this operation.", Errors(FieldOf(json.Path), JsonMessage(json))),
            BadHttpRequestException e when BindFailure().Match(e.Message) is { Success: true } m =>
                (StatusCodes.Status400BadRequest, "One or more validation errors occurred.", Errors(m.Groups["name"].Value, $"'{m.Groups["value"].Value}' is not a valid {m.Groups["type"].Value}.")),
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } when httpContext.Request.ContentLength is null or 0 && !HttpMethods.IsGet(httpContext.Request.Method) =>
                (StatusCodes.Status400BadRequest, "The request body is empty.", Errors("body", "Send a JSON object.")),
            BadHttpRequestException e => (e.StatusCode, TitleOf(e.StatusCode), null),
            _ => (0, "", null),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        var details = errors is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails()
            : new HttpValidationProblemDetails(errors);
        details.Status = status;
        details.Title = title;
        if (errors is null)
        {
            details.Detail = exception.Message;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception })
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Two requests racing past the service's duplicate check: the database's unique index refuses the second, which is
    /// a 409 like the check's own, not a 500. SQLite: SQLITE_CONSTRAINT_UNIQUE (2067) or _PRIMARYKEY (1555); PostgreSQL: 23505.
    /// </summary>
    internal static bool IsUniqueViolation(Microsoft.EntityFrameworkCore.DbUpdateException exception) => exception.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } => true,
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };

    // System.Text.Json reports invalid UTF-8 as a JsonException whose message or inner exception (a failed transcoding)
    // says so; the generic "not valid JSON" would send the caller looking for a syntax error.
    private static bool IsInvalidUtf8(JsonException json)
    {
        for (Exception? e = json; e is not null; e = e.InnerException)
        {
            if (e is System.Text.DecoderFallbackException || e.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, string[]> Errors(string field, string message) => new() { [field.Length == 0 ? "body" : field] = [message] };

    /// <summary>"$.customer[1]" → "customer[1]"; the root → "body".</summary>
    private static string FieldOf(string? path) => path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    // JsonException messages name the .NET type ("could not be converted to System.String"): say it in JSON's words.
    private static string JsonMessage(JsonException json) =>
        json.Path is null or "$" ? "The body is not valid JSON." : $"The value at '{json.Path}' is not valid JSON or has the wrong type.";

    // The framework's message for a query or route value of the wrong type: Failed to bind parameter "int limit" from "abc".
    [GeneratedRegex("""^Failed to bind parameter "(?:Nullable<)?(?<type>[A-Za-z0-9.]+)>?\??\s(?<name>\w+)" from "(?<value>.*)"\.$""", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex BindFailure();

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type: send application/json",
        _ => "Bad request",
    };
}
