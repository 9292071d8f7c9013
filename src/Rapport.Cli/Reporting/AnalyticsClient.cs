using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Rapport.Cli.Reporting;

/// <summary>What to ask the overview for: the range (inclusive UTC dates) and the optional filters.</summary>
internal sealed record OverviewQuery(DateOnly From, DateOnly To, long? TeamId, string? Channel)
{
    /// <summary>The request's path and query string, relative to the server's root.</summary>
    public string Path()
    {
        var query = $"api/v1/analytics/overview?from={From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        if (TeamId is { } team)
        {
            query += "&teamId=" + team.ToString(CultureInfo.InvariantCulture);
        }

        if (Channel is not null)
        {
            query += "&channel=" + Uri.EscapeDataString(Channel);
        }

        return query;
    }
}

/// <summary>Reads a desk server's <c>GET /api/v1/analytics/overview</c>.</summary>
internal sealed class AnalyticsClient(HttpClient http, Uri server)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <exception cref="CliException">The server cannot be reached, refuses the key, or answers with a problem.</exception>
    public async Task<OverviewJson> GetOverviewAsync(OverviewQuery query, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(server, query.Path()), cancellationToken).ConfigureAwait(false);
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
                HttpStatusCode.Forbidden => throw new CliException("the API key may not read analytics (403)"),
                _ => throw new CliException($"the server answered {(int)response.StatusCode}: {Problems.Describe(text)}"),
            };
        }
    }

    private static OverviewJson Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<OverviewJson>(text, Json) is { Agents: not null, Weeks: not null, Emotions: not null, Responses: not null } overview
                ? overview
                : throw new JsonException("not an overview");
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            throw new CliException("the server's answer is not an analytics overview (is --server a Rapport desk?)", exception);
        }
    }
}

/// <summary>RFC 9457 problem bodies in one line.</summary>
internal static class Problems
{
    /// <summary>A problem's title, detail and field errors in one line (or the start of a body that is not one).</summary>
    public static string Describe(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var parts = new List<string>();
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
                {
                    parts.Add(title.GetString()!);
                }

                if (root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
                {
                    parts.Add(detail.GetString()!);
                }

                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                {
                    parts.AddRange(errors.EnumerateObject()
                        .Where(e => e.Value.ValueKind == JsonValueKind.Array)
                        .SelectMany(e => e.Value.EnumerateArray().Select(m => $"{e.Name}: {m}")));
                }
            }

            return parts.Count > 0 ? string.Join("; ", parts) : Start(text);
        }
        catch (JsonException)
        {
            return Start(text);
        }
    }

    private static string Start(string text) => text.Length > 200 ? text[..200] : text;
}
