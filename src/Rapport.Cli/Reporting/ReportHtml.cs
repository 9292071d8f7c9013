using System.Globalization;
using System.Net;
using System.Text;

namespace Rapport.Cli.Reporting;

/// <summary>
/// Writes the report as one self-contained HTML page: inline CSS, the charts as PNG data URIs, and beside each chart a
/// table with the figures it draws (the tables are the accessible reading; the alt text summarises the chart).
/// </summary>
internal static class ReportHtml
{
    /// <summary>How figures are written in the tables: the API's numbers as sent (it rounds them), invariant culture.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Write(OverviewJson o, IReadOnlyList<ReportChart> charts, ReportHeading heading)
    {
        var html = new StringBuilder(1 << 20);
        var title = $"Rapport team analytics, {Day(o.From)} to {Day(o.To)}";
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)}</title>
            <style>{Css}</style>
            </head>
            <body>
            <header>
            <h1>{E(title)}</h1>
            <p class="meta">Generated {E(heading.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))} from {E(heading.Server)}{E(heading.Filters)}.
            Dates are UTC and inclusive; weeks start on Monday. Empathy is 0–100 (docs/analytics.md).</p>
            </header>
            <main>
            <section aria-labelledby="summary"><h2 id="summary">Summary</h2>
            <dl class="kpis">
            <div><dt>Agent replies</dt><dd>{o.Replies.ToString("N0", CultureInfo.InvariantCulture)}</dd></div>
            <div><dt>Mean empathy</dt><dd>{Number(o.Empathy)}</dd></div>
            <div><dt>Consistency across agents</dt><dd>{Index(o.AcrossAgents)}</dd></div>
            <div><dt>Consistency across days</dt><dd>{Index(o.AcrossDays)}</dd></div>
            <div><dt>Promises kept on time</dt><dd>{Share(o.Promises?.KeptRate)}</dd></div>
            </dl>
            <nav aria-label="Charts"><ol>{string.Concat(charts.Select(c => $"<li><a href=\"#{c.Id}\">{E(c.Title)}</a></li>"))}</ol></nav>
            </section>

            """);

        var byId = charts.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Section(html, byId["empathy-by-week"], "Mean empathy of agents' replies in each week.",
            ["Week starting", "Replies", "Empathy"],
            o.Weeks.Select(w => new[] { Day(w.Week), Count(w.Replies), Number(w.Empathy) }));
        Section(html, byId["empathy-by-agent"], "Raw empathy is the mean score of the agent's replies; fair empathy adjusts it for how upset their customers were at the start, so agents who take the hardest conversations are not marked down for it. Spread is the standard deviation of their scores.",
            ["Agent", "Team", "Replies", "Empathy (raw)", "Fair empathy", "Spread"],
            o.Agents.Select(a => new[] { a.Name, a.Team ?? "–", Count(a.Replies), Number(a.Empathy), Maybe(a.FairEmpathy), Number(a.Spread) }));
        Section(html, byId["consistency"], "Consistency is 100 when every agent (or every day) has the same mean empathy and falls to 0 at a spread of 25 points; agents and days with fewer than 5 replies are left out.",
            ["Across", "Groups", "Spread (points)", "Lowest mean", "Highest mean", "Index"],
            new[] { ("Agents", o.AcrossAgents), ("Days", o.AcrossDays) }.Select(r => r.Item2 is { } c
                ? new[] { r.Item1, Count(c.Groups), Number(c.Spread), Number(c.Lowest), Number(c.Highest), Number(c.Index) }
                : [r.Item1, "too few replies", "–", "–", "–", "–"]));
        Section(html, byId["empathy-vs-resolution"], "Each agent's mean empathy against their mean resolution time; the dashed lines are the medians of the agents placed, which split them into four quadrants.",
            ["Agent", "Empathy", "Resolved", "Resolution (minutes)", "First response (minutes)", "Quadrant"],
            o.Agents.Select(a => new[] { a.Name, Number(a.Empathy), Count(a.Resolved), Maybe(a.ResolutionMinutes), Maybe(a.FirstResponseMinutes), a.QuadrantName ?? "not placed" }));

        var labels = ReportCharts.EmotionLabels(o);
        Section(html, byId["emotion-mix"], "Incoming customer messages by their strongest feeling (neutral when none), in the workspace's emotion colours.",
            ["Week starting", .. labels.Select(l => Swatch(l)), "Total"],
            o.Emotions.Select(w => new[] { Day(w.Week) }.Concat(labels.Select(l => Count(w.Messages.GetValueOrDefault(l)))).Append(Count(w.Messages.Values.Sum())).ToArray()),
            headerIsHtml: true);
        Section(html, byId["response-times"], "Mean minutes to the first agent reply and to resolution, with the shares within an hour and within a day.",
            ["Week starting", "First responses", "First response (minutes)", "Within an hour", "Resolved", "Resolution (minutes)", "Within a day"],
            o.Responses.Select(r => new[] { Day(r.Week), Count(r.FirstResponses), Maybe(r.FirstResponseMinutes), Share(r.WithinHour), Count(r.Resolved), Maybe(r.ResolutionMinutes), Share(r.WithinDay) }));

        Section(html, byId["promises-kept"], "Promises found in agents' replies: kept on time (marked kept before the due time), broken (the due time passed), kept late (marked kept after breaking). The share is kept on time out of kept on time and broken.",
            ["Agent", "Made", "Kept on time", "Broken", "Kept late", "Kept on time (%)"],
            (o.Promises?.Agents ?? []).Select(a => new[] { a.Name, Count(a.Made), Count(a.Kept), Count(a.Broken), Count(a.KeptLate), Share(a.KeptRate) }));

        html.Append("<section aria-labelledby=\"groups\"><h2 id=\"groups\">Teams, channels and starting upset</h2>\n");
        foreach (var (caption, groups) in new[] { ("Teams", o.Teams), ("Channels", o.Channels), ("Starting upset", o.ByStartingUpset) })
        {
            Table(html, caption, [caption == "Teams" ? "Team" : caption == "Channels" ? "Channel" : "Starting upset", "Replies", "Empathy", "Fair empathy"],
                groups.Select(g => new[] { g.Name, Count(g.Replies), Number(g.Empathy), Maybe(g.FairEmpathy) }), headerIsHtml: false);
        }

        html.Append("</section>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Section(StringBuilder html, ReportChart chart, string explanation, string[] header, IEnumerable<string[]> rows, bool headerIsHtml = false)
    {
        html.Append(CultureInfo.InvariantCulture, $"""
            <section aria-labelledby="{chart.Id}"><h2 id="{chart.Id}">{E(chart.Title)}</h2>
            <p>{E(explanation)}</p>
            <figure>
            <img src="data:image/png;base64,{Convert.ToBase64String(chart.Png)}" width="{ReportCharts.Width}" height="{ReportCharts.Height}" alt="{E(chart.Alt)}">
            <figcaption>{E(chart.Title)}: the figures are in the table below.</figcaption>
            </figure>

            """);
        Table(html, chart.Title, header, rows, headerIsHtml);
        html.Append("</section>\n");
    }

    private static void Table(StringBuilder html, string caption, string[] header, IEnumerable<string[]> rows, bool headerIsHtml)
    {
        var body = rows.ToList();
        html.Append(CultureInfo.InvariantCulture, $"<table>\n<caption>{E(caption)}</caption>\n<thead><tr>");
        foreach (var cell in header)
        {
            html.Append("<th scope=\"col\">").Append(headerIsHtml ? cell : E(cell)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        if (body.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"{header.Length}\">No data in this range.</td></tr>\n");
        }

        foreach (var row in body)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(row[0])).Append("</th>");
            foreach (var cell in row.Skip(1))
            {
                html.Append("<td>").Append(E(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Swatch(string label) =>
        $"<span class=\"swatch\" style=\"background:{(ReportCharts.EmotionColors.TryGetValue(label, out var hex) ? hex : "#64748b")}\" aria-hidden=\"true\"></span>{E(label)}";

    private static string Index(ConsistencyJson? c) => c is null ? "too few replies" : Number(c.Index);

    private static string Maybe(double? value) => value is { } v ? Number(v) : "–";

    private static string Share(double? value) => value is { } v ? (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "–";

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        :root { color-scheme: light; --ink: #1e293b; --muted: #475569; --line: #cbd5e1; --band: #f1f5f9; }
        body { font: 16px/1.5 system-ui, "DejaVu Sans", Arial, sans-serif; color: var(--ink); max-width: 960px; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.8rem; margin-bottom: .25rem; } h2 { font-size: 1.35rem; margin-top: 2.5rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
        .meta, figcaption, caption { color: var(--muted); }
        .kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: .75rem; }
        .kpis div { background: var(--band); border-radius: .5rem; padding: .75rem 1rem; } .kpis dt { color: var(--muted); font-size: .9rem; } .kpis dd { margin: 0; font-size: 1.6rem; font-weight: 600; }
        figure { margin: 1rem 0; } img { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: .25rem; }
        table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
        th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: right; } th[scope=row], thead th:first-child { text-align: left; }
        thead th { background: var(--band); } tbody th { font-weight: normal; }
        .swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .3em; vertical-align: baseline; }
        a { color: #1d4ed8; }
        @media print { body { margin: 0; max-width: none; font-size: 11pt; } nav { display: none; } section { break-inside: avoid-page; } figure, table { break-inside: avoid; } h2 { break-after: avoid; } }
        """;
}

/// <summary>What the page says about where its figures came from.</summary>
internal sealed record ReportHeading(DateTimeOffset GeneratedAt, string Server, string Filters);
