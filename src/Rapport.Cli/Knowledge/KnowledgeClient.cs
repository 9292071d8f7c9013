using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Core.Knowledge;

namespace Rapport.Cli.Knowledge;

/// <summary>Talks to a desk server's <c>/api/v1/knowledge</c>: upserts articles by slug and searches.</summary>
internal sealed class KnowledgeClient(HttpClient http, Uri server)
{
    /// <summary>Creates or updates the article with the document's slug.</summary>
    /// <returns>created, updated or unchanged.</returns>
    /// <exception cref="CliException">The server cannot be reached, refuses the key, or answers with a problem.</exception>
    public async Task<string> UpsertAsync(KnowledgeDocument document, CancellationToken cancellationToken)
    {
        var body = new { title = document.Title, body = document.Body, tags = document.Tags, language = document.Language, questions = document.Questions };
        using var content = JsonContent.Create(body);
        using var response = await SendAsync(() => http.PutAsync(new Uri(server, "api/v1/knowledge/slug/" + document.Slug), content, cancellationToken)).ConfigureAwait(false);
        var root = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return root.TryGetProperty("outcome", out var outcome) ? outcome.GetString() ?? "" : throw new CliException("the server's answer is not a knowledge article (is --server a Rapport desk?)");
    }

    /// <summary>The slugs of the best articles for <paramref name="question"/>, best first.</summary>
    public async Task<IReadOnlyList<string>> SearchAsync(string question, int limit, CancellationToken cancellationToken)
    {
        var path = $"api/v1/knowledge/search?limit={limit}&q={Uri.EscapeDataString(question)}";
        using var response = await SendAsync(() => http.GetAsync(new Uri(server, path), cancellationToken)).ConfigureAwait(false);
        var root = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return [.. root.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("article").GetProperty("slug").GetString() ?? "")];
    }

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new CliException($"cannot reach the server at {server}: {exception.Message}", exception);
        }
        catch (TaskCanceledException exception) when (exception.InnerException is TimeoutException)
        {
            throw new CliException($"the server at {server} did not answer in time", exception);
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.OK or HttpStatusCode.Created => Parse(text),
            HttpStatusCode.Unauthorized => throw new CliException("the server refused the API key (401): pass --key or set RAPPORT_API_KEY"),
            HttpStatusCode.Forbidden => throw new CliException("the API key may not write (403): it needs the write scope"),
            _ => throw new CliException($"the server answered {(int)response.StatusCode}: {Describe(text)}"),
        };
    }

    private static JsonElement Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new CliException("the server's answer is not JSON (is --server a Rapport desk?)", exception);
        }
    }

    /// <summary>A problem's title and field errors in one line.</summary>
    private static string Describe(string text)
    {
        try
        {
            var root = JsonDocument.Parse(text).RootElement;
            var parts = new List<string>();
            if (root.TryGetProperty("title", out var title))
            {
                parts.Add(title.GetString() ?? "");
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
