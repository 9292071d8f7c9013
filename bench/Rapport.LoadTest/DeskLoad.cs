using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Rapport.LoadTest;

/// <summary>Measures a running desk over HTTP: the inbox's first page, conversation detail and the analyze endpoint.</summary>
internal sealed class DeskLoad(Uri server, string key, TextWriter log)
{
    private static readonly string[] AnalyzeTexts =
    [
        "My blender arrived broken and I needed it for my daughter's birthday. This is really disappointing.",
        "You charged my card twice. I want my money back NOW!!",
        "I can't log in since yesterday and I don't understand what I did wrong.",
        "Thank you so much, the replacement arrived and it works perfectly!",
        "This is the third time I am writing. Nobody answers. I'm about to cancel.",
        "Someone changed my password?? I'm scared my account was hacked.",
        "Where is my order? It was supposed to arrive on Monday and still nothing.",
        "Quick question: can the kettle be used with the travel adapter?",
    ];

    private HttpClient CreateClient(int connections)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Sequential GETs of <paramref name="path"/> (one client, like one agent's browser), after a warm-up.</summary>
    public async Task<LatencyStats> GetSequentialAsync(string name, Func<int, string> path, int requests, CancellationToken cancellationToken)
    {
        using var client = CreateClient(1);
        return await GetSequentialAsync(name, client, path, requests, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sequential GETs with <paramref name="client"/> (its own credentials), after a warm-up.</summary>
    public async Task<LatencyStats> GetSequentialAsync(string name, HttpClient client, Func<int, string> path, int requests, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Math.Min(50, requests); i++)
        {
            await GetAsync(client, path(-1 - i), cancellationToken).ConfigureAwait(false);
        }

        var samples = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await GetAsync(client, path(i), cancellationToken).ConfigureAwait(false);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var stats = LatencyStats.Of(samples);
        log.WriteLine($"{name}: {stats}");
        return stats;
    }

    /// <summary>One POST (no body) with a long timeout; returns how long it took and the response text.</summary>
    public async Task<(TimeSpan Elapsed, string Body)> PostOnceAsync(string path, CancellationToken cancellationToken)
    {
        using var client = CreateClient(1);
        client.Timeout = TimeSpan.FromMinutes(30);
        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {body}");
        }

        return (elapsed, body);
    }

    /// <summary>
    /// <paramref name="concurrency"/> loops posting to /api/v1/analyze for <paramref name="duration"/> after a warm-up;
    /// returns requests per second and the latencies.
    /// </summary>
    public async Task<(double PerSecond, LatencyStats Latency)> AnalyzeAsync(int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var client = CreateClient(concurrency);
        var bodies = AnalyzeTexts.Select(t => Encoding.UTF8.GetBytes("{\"text\":\"" + t + "\"}")).ToArray();
        await RunAnalyzeLoopsAsync(client, bodies, concurrency, TimeSpan.FromSeconds(2), null, cancellationToken).ConfigureAwait(false);

        var samples = new List<double>[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            samples[i] = new List<double>(100_000);
        }

        var clock = Stopwatch.StartNew();
        await RunAnalyzeLoopsAsync(client, bodies, concurrency, duration, samples, cancellationToken).ConfigureAwait(false);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = samples.SelectMany(s => s).ToList();
        var perSecond = all.Count / elapsed;
        var stats = LatencyStats.Of(all);
        log.WriteLine($"analyze ({concurrency} connections, {duration.TotalSeconds:F0} s): {perSecond:F0} req/s, {stats}");
        return (perSecond, stats);
    }

    private static async Task RunAnalyzeLoopsAsync(
        HttpClient client, byte[][] bodies, int concurrency, TimeSpan duration, List<double>[]? samples, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loops = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var n = worker;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                using var content = new ByteArrayContent(bodies[n++ % bodies.Length]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(new Uri("/api/v1/analyze", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"POST /api/v1/analyze: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
                }

                samples?[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        await Task.WhenAll(loops).ConfigureAwait(false);
    }

    private static async Task GetAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }
    }
}
