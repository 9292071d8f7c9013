using System.Text;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Rapport.Desk;
using Rapport.Desk.Importing;
using Rapport.Server.Api.Contracts;
using Rapport.Server.Live;

namespace Rapport.Server.Api;

/// <summary><c>POST /api/v1/import</c>: conversations in bulk, as JSON lines or CSV (docs/import.md).</summary>
internal static class ImportEndpoints
{
    public static readonly string[] JsonLinesTypes = ["application/x-ndjson", "application/jsonl", "application/json-lines"];
    public const string CsvType = "text/csv";

    public static IEndpointRouteBuilder MapImport(this IEndpointRouteBuilder app)
    {
        var limit = app.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value.MaxRequestBodyBytes;
        app.MapPost("/api/v1/import", ImportAsync)
            .WithTags("Import")
            .WithName("Import")
            .WithSummary("Imports messages in bulk: JSON lines (application/x-ndjson) or CSV (text/csv, ?map=field=column,...); idempotent on external ids.")
            .WithDescription(
                "One message per line: conversation, customer, customerEmail, author (customer, agent, assistant, system), timestamp " +
                "(ISO 8601), channel, text, externalId, subject, agentEmail, labels. Customer messages are read by the engine, agent " +
                "messages reviewed. Lines whose externalId (or derived id) is already stored count as duplicates; invalid lines are " +
                "listed under 'rejected' with their line number and reason. A 200 means every imported line is committed. " +
                $"Bodies up to {limit:N0} bytes (Rapport:Import:MaxRequestBodyBytes).")
            .Accepts<string>(JsonLinesTypes[0], [.. JsonLinesTypes[1..], CsvType])
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithMetadata(new RequestSizeLimitAttribute(limit));
        return app;
    }

    internal static async Task<Results<Ok<ImportResponse>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        HttpRequest request, ImportService imports, IOptions<ImportOptions> options, CancellationToken cancellationToken, string? map = null)
    {
        var csv = IsCsv(request.ContentType);
        if (!csv && !IsJsonLines(request.ContentType))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type: send application/x-ndjson or text/csv",
                detail: $"Content-Type '{request.ContentType}' is not an import format: use application/x-ndjson (JSON lines) or text/csv.");
        }

        var validator = new RequestValidator();
        if (map is not null && !csv)
        {
            validator.Add("map", "'map' applies to CSV bodies only; JSON lines use the field names.");
            return validator.Problem();
        }

        // A bad mapping or CSV header is wrong in the request alone: 400 naming the field (not the 422 of a request
        // that refers to something the desk does not have).
        ImportMapping mapping;
        try
        {
            mapping = ImportMapping.Parse(map);
        }
        catch (DeskValidationException e)
        {
            validator.Add(e.Field, e.Message);
            return validator.Problem();
        }

        // The whole body first (bounded by the endpoint's size limit): invalid UTF-8 or a bad CSV header is a 400
        // before anything is written, so a failed request never leaves half an import behind.
        var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            validator.Add("body", "The body is empty: send one message per line.");
            return validator.Problem();
        }

        if (!Utf8.IsValid(body))
        {
            validator.Add("body", $"The body is not valid UTF-8 (line {LineOfInvalidUtf8(body)}).");
            return validator.Problem();
        }

        using var reader = new StringReader(Encoding.UTF8.GetString(body));
        IEnumerable<ImportLine> lines;
        try
        {
            lines = csv ? CsvImportReader.Open(reader, mapping).Read() : JsonLinesImportReader.Read(reader);
        }
        catch (DeskValidationException e)
        {
            validator.Add(e.Field, e.Message);
            return validator.Problem();
        }

        var report = await imports.ImportAsync(lines, options.Value.BatchSize, cancellationToken).ConfigureAwait(false);
        if (report.Imported > 0)
        {
            // Open inboxes reload once per import request (a null id: "several conversations changed").
            request.HttpContext.RequestServices.GetRequiredService<ConversationFeed>().Publish(new ConversationChange(null));
        }

        return TypedResults.Ok(ImportResponse.From(report));
    }

    private static bool IsCsv(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType.Equals(CsvType, StringComparison.OrdinalIgnoreCase) && IsUtf8(type);

    private static bool IsJsonLines(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && JsonLinesTypes.Any(t => type.MediaType.Equals(t, StringComparison.OrdinalIgnoreCase)) && IsUtf8(type);

    // Only UTF-8 (or no charset) is read; another charset would be decoded wrongly, so it is refused as a 415.
    private static bool IsUtf8(MediaTypeHeaderValue type) =>
        !type.Charset.HasValue || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || type.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(request.ContentLength is { } length and > 0 and < int.MaxValue ? (int)length : 64 * 1024);
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static int LineOfInvalidUtf8(byte[] body)
    {
        var line = 1;
        var start = 0;
        for (var i = 0; i <= body.Length; i++)
        {
            if (i == body.Length || body[i] == (byte)'\n')
            {
                if (!Utf8.IsValid(body.AsSpan(start, i - start)))
                {
                    return line;
                }

                line++;
                start = i + 1;
            }
        }

        return line;
    }
}
