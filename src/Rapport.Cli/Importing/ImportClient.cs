using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Rapport.Cli.Importing;

/// <summary>Posts import bodies to a desk server's <c>POST /api/v1/import</c> and reads its report.</summary>
internal sealed class ImportClient(HttpClient http, Uri server)
{
    /// <exception cref="CliException">The server cannot be reached, refuses the key, or answers with a problem.</exception>
    public async Task<ImportChunkReport> PostAsync(string body, ImportFormat format, string? map, CancellationToken cancellationToken)
    {
        var path = "api/v1/import" + (map is null ? "" : "?map=" + Uri.EscapeDataString(map));
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(format.ContentType());
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(new Uri(server, path), content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new CliException($"cannot reach the server at {server}: {exception.Message}", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"the server at {server} did not answer in time", exception);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => Parse(text),
                HttpStatusCode.Unauthorized => throw new CliException("the server refused the API key (401): pass --key or set RAPPORT_API_KEY"),
                HttpStatusCode.Forbidden => throw new CliException("the API key may not import (403): it needs the write scope"),
                _ => throw new CliException($"the server answered {(int)response.StatusCode}: {Describe(text)}"),
            };
        }
    }

    private static ImportChunkReport Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var rejected = root.GetProperty("rejected").EnumerateArray()
                .Select(r => new RejectedLine(r.GetProperty("line").GetInt32(), r.GetProperty("reason").GetString() ?? ""))
                .ToList();
            return new ImportChunkReport(
                root.GetProperty("lines").GetInt32(),
                root.GetProperty("imported").GetInt32(),
                root.GetProperty("duplicates").GetInt32(),
                rejected,
                root.GetProperty("conversationsCreated").GetInt32(),
                root.GetProperty("customersCreated").GetInt32(),
                Timers(root));
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new CliException("the server's answer is not an import report (is --server a Rapport desk?)", exception);
        }
    }

    /// <summary>The timers the import started; an older server does not say (zeros).</summary>
    private static ImportChunkTimers Timers(JsonElement root) =>
        root.TryGetProperty("timers", out var t) && t.ValueKind == JsonValueKind.Object
            ? new ImportChunkTimers(t.GetProperty("slaClocks").GetInt32(), t.GetProperty("slaBreached").GetInt32(), t.GetProperty("promises").GetInt32(), t.GetProperty("quietFollowUps").GetInt32())
            : new ImportChunkTimers(0, 0, 0, 0);

    /// <summary>A problem's title, detail and field errors in one line.</summary>
    private static string Describe(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var parts = new List<string>();
            if (root.TryGetProperty("title", out var title))
            {
                parts.Add(title.GetString() ?? "");
            }

            if (root.TryGetProperty("detail", out var detail))
            {
                parts.Add(detail.GetString() ?? "");
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                parts.AddRange(errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => $"{e.Name}: {m.GetString()}")));
            }

            return parts.Count > 0 ? string.Join("; ", parts) : text;
        }
        catch (JsonException)
        {
            return text.Length > 200 ? text[..200] : text;
        }
    }
}

/// <summary>The server's report for one request; rejected line numbers are the body's.</summary>
internal sealed record ImportChunkReport(
    int Lines, int Imported, int Duplicates, IReadOnlyList<RejectedLine> Rejected, int ConversationsCreated, int CustomersCreated, ImportChunkTimers Timers);

/// <summary>The SLA clocks (of which already breached), promises and quiet-customer follow-ups a request started.</summary>
internal sealed record ImportChunkTimers(int SlaClocks, int SlaBreached, int Promises, int QuietFollowUps);

/// <summary>A rejected line and why.</summary>
internal sealed record RejectedLine(int Line, string Reason);
