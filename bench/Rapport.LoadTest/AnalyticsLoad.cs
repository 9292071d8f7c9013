using System.Globalization;

namespace Rapport.LoadTest;

/// <summary>
/// The analytics dashboard at scale (issue 6: every dashboard query p95 &lt; 200 ms over 1,000,000 messages and 50,000
/// surveys): first the full rollup (POST /api/v1/analytics/rebuild, timed once: what a new deployment's first rollup
/// costs), then every query the Analytics page and its exports make, sequentially like one lead's browser.
/// </summary>
internal sealed class AnalyticsLoad(DeskLoad load, TextWriter log)
{
    public async Task MeasureAsync(int requests, CancellationToken cancellationToken)
    {
        var (elapsed, body) = await load.PostOnceAsync("/api/v1/analytics/rebuild", cancellationToken).ConfigureAwait(false);
        log.WriteLine($"analytics first rollup (rebuild, all days): {elapsed.TotalSeconds:F1} s {body}");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Range(int days) => "from=" + today.AddDays(1 - days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            + "&to=" + today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var queries = new (string Name, string Path)[]
        {
            ("analytics overview, last 28 days (the page's default)", "/api/v1/analytics/overview"),
            ("analytics overview, last 90 days", "/api/v1/analytics/overview?" + Range(90)),
            ("analytics overview, 366 days (the longest range)", "/api/v1/analytics/overview?" + Range(366)),
            ("analytics overview, 28 days, email only", "/api/v1/analytics/overview?channel=email"),
            ("analytics drill-down, 28 days, all agents", "/api/v1/analytics/conversations"),
            ("analytics drill-down, 90 days, one agent", "/api/v1/analytics/conversations?agentId=2&" + Range(90)),
            ("analytics drill-down, 28 days, chat only", "/api/v1/analytics/conversations?channel=chat"),
            ("analytics CSV export, agents, 90 days", "/api/v1/analytics/export.csv?view=agents&" + Range(90)),
            ("analytics CSV export, weeks, 366 days", "/api/v1/analytics/export.csv?view=weeks&" + Range(366)),
        };
        foreach (var (name, path) in queries)
        {
            await load.GetSequentialAsync(name, _ => path, requests, cancellationToken).ConfigureAwait(false);
        }
    }
}
