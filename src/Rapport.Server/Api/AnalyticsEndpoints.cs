using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Agents;
using Rapport.Desk.Analytics;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;
using Rapport.Server.Api.Contracts;
using Rapport.Server.Security;

namespace Rapport.Server.Api;

/// <summary><c>/api/v1/analytics</c>: team analytics from the daily rollup (docs/analytics.md).</summary>
internal static class AnalyticsEndpoints
{
    /// <summary>Days shown when no range is given: the last four weeks.</summary>
    public const int DefaultDays = 28;

    private static readonly string[] Views = ["agents", "teams", "channels", "weeks", "upset", "emotions", "responses", "promises"];

    private static readonly string[] PromiseOutcomes = ["made", "kept", "broken"];

    public static IEndpointRouteBuilder MapAnalytics(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/analytics").WithTags("Analytics");
        group.MapGet("/overview", OverviewAsync).WithName("AnalyticsOverview")
            .WithSummary("Empathy by agent (raw and fair), team, channel, week and starting upset; consistency across agents and days; incoming emotions; response times; survey satisfaction against empathy; promises made, kept and broken. from/to are UTC dates (yyyy-MM-dd, inclusive, at most 366 days; default the last 28); teamId and channel narrow. A signed-in lead sees their team, an agent themselves.")
            .ProducesValidationProblem();
        group.MapGet("/conversations", ConversationsAsync).WithName("AnalyticsConversations")
            .WithSummary("Drill-down: the conversations behind a chart point (same range and filters, optionally one agent; promises = made, kept or broken lists the conversations of those promises), lowest empathy first, at most 100.")
            .ProducesValidationProblem();
        group.MapGet("/export.csv", ExportAsync).WithName("AnalyticsExport")
            .WithSummary("One view of the overview as CSV (view = agents, teams, channels, weeks, upset, emotions, responses or promises); cells that would run as spreadsheet formulas are defused.")
            .ProducesValidationProblem();
        group.MapPost("/rebuild", RebuildAsync).WithName("AnalyticsRebuild")
            .WithSummary("Recomputes every day of the rollup (after an engine change); the job keeps it current otherwise.")
            .RequireAuthorization(ApiKeyAuthorization.AdminPolicy);
        return app;
    }

    internal static async Task<Results<Ok<AnalyticsOverviewResponse>, ValidationProblem>> OverviewAsync(
        ClaimsPrincipal user, RapportDbContext db, AnalyticsService analytics, TimeProvider time, CancellationToken cancellationToken,
        string? from = null, string? to = null, long? teamId = null, string? channel = null)
    {
        var (query, problem) = await QueryAsync(user, db, time, from, to, teamId, channel, cancellationToken).ConfigureAwait(false);
        return query is null ? problem! : TypedResults.Ok(AnalyticsOverviewResponse.Of(await analytics.OverviewAsync(query, cancellationToken).ConfigureAwait(false)));
    }

    internal static async Task<Results<Ok<DrillConversationResponse[]>, ValidationProblem>> ConversationsAsync(
        ClaimsPrincipal user, RapportDbContext db, AnalyticsService analytics, TimeProvider time, CancellationToken cancellationToken,
        string? from = null, string? to = null, long? teamId = null, string? channel = null, long? agentId = null, string? promises = null)
    {
        PromiseOutcome? outcome = null;
        if (promises is not null)
        {
            var name = promises.ToLowerInvariant();
            if (!PromiseOutcomes.Contains(name))
            {
                var validator = new RequestValidator();
                validator.Add("promises", $"'promises' must be one of {string.Join(", ", PromiseOutcomes)}.");
                return validator.Problem();
            }

            outcome = Enum.Parse<PromiseOutcome>(name, ignoreCase: true);
        }

        var (query, problem) = await QueryAsync(user, db, time, from, to, teamId, channel, cancellationToken).ConfigureAwait(false);
        if (query is null)
        {
            return problem!;
        }

        var list = await analytics.ConversationsAsync(query, agentId, outcome, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(DrillConversationResponse.From).ToArray());
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        ClaimsPrincipal user, RapportDbContext db, AnalyticsService analytics, TimeProvider time, CancellationToken cancellationToken,
        string? view = null, string? from = null, string? to = null, long? teamId = null, string? channel = null)
    {
        var validator = new RequestValidator();
        var name = view?.ToLowerInvariant();
        if (name is null || !Views.Contains(name))
        {
            validator.Add("view", $"'view' must be one of {string.Join(", ", Views)}.");
            return validator.Problem();
        }

        var (query, problem) = await QueryAsync(user, db, time, from, to, teamId, channel, cancellationToken).ConfigureAwait(false);
        if (query is null)
        {
            return problem!;
        }

        var overview = await analytics.OverviewAsync(query, cancellationToken).ConfigureAwait(false);
        var csv = new StringBuilder();
        Write(csv, name, overview);
        var file = $"rapport-{name}-{query.From:yyyy-MM-dd}-{query.To:yyyy-MM-dd}.csv";
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", file);
    }

    internal static async Task<Ok<RebuildResponse>> RebuildAsync(AnalyticsRollup rollup, CancellationToken cancellationToken) =>
        TypedResults.Ok(new RebuildResponse(await rollup.RebuildAsync(cancellationToken).ConfigureAwait(false)));

    /// <summary>The query from the request, or the validation problem: dates, range, channel; whose figures from the caller.</summary>
    internal static async Task<(AnalyticsQuery? Query, ValidationProblem? Problem)> QueryAsync(
        ClaimsPrincipal user, RapportDbContext db, TimeProvider time, string? from, string? to, long? teamId, string? channel, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var last = ParseDate(validator, "to", to) ?? today;
        var first = ParseDate(validator, "from", from) ?? last.AddDays(-(DefaultDays - 1));
        var only = validator.Enum<Channel>("channel", channel, required: false);
        if (validator.IsValid)
        {
            if (first > last)
            {
                validator.Add("from", $"'from' ({first:yyyy-MM-dd}) is after 'to' ({last:yyyy-MM-dd}).");
            }
            else if (last.DayNumber - first.DayNumber + 1 > AnalyticsQuery.MaxDays)
            {
                validator.Add("to", $"The range covers {last.DayNumber - first.DayNumber + 1} days; at most {AnalyticsQuery.MaxDays}.");
            }
        }

        if (!validator.IsValid)
        {
            return (null, validator.Problem());
        }

        return (new AnalyticsQuery(first, last, await AgentsAsync(user, db, teamId, cancellationToken).ConfigureAwait(false), only), null);
    }

    /// <summary>Whose figures: a signed-in agent their own, a lead their team, an admin or API key everyone (or one team).</summary>
    internal static async Task<IReadOnlyCollection<long>?> AgentsAsync(ClaimsPrincipal user, RapportDbContext db, long? teamId, CancellationToken cancellationToken)
    {
        var caller = SignedInAgent.From(user);
        if (caller is { Role: AgentRole.Agent })
        {
            return [caller.Id];
        }

        var team = caller is { Role: AgentRole.Lead } ? caller.TeamId ?? -1 : teamId;
        if (team is null)
        {
            return null;
        }

        return await db.Agents.AsNoTracking().Where(a => a.TeamId == team).Select(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DateOnly? ParseDate(RequestValidator validator, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        validator.Add(field, $"'{field}' must be a date written yyyy-MM-dd (got '{(value.Length > 20 ? value[..20] + "…" : value)}').");
        return null;
    }

    private static void Write(StringBuilder csv, string view, AnalyticsOverview o)
    {
        switch (view)
        {
            case "agents":
                CsvCells.AppendRow(csv, "agent", "team", "replies", "empathy", "fair empathy", "spread", "resolved", "resolution minutes", "first response minutes", "quadrant", "surveys", "satisfaction", "felt understood");
                foreach (var a in o.Agents)
                {
                    CsvCells.AppendRow(csv, a.Name, a.Team, a.Replies, a.Empathy, a.FairEmpathy, a.Spread, a.Resolved, a.ResolutionMinutes, a.FirstResponseMinutes,
                        a.Quadrant is { } q ? Rapport.Core.Analytics.EffortQuadrants.Name(q) : null, a.Surveys, a.Satisfaction, a.FeltUnderstood);
                }

                break;
            case "teams" or "channels" or "upset":
                CsvCells.AppendRow(csv, view == "upset" ? "starting upset" : view[..^1], "replies", "empathy", "fair empathy");
                foreach (var g in view == "teams" ? o.Teams : view == "channels" ? o.Channels : o.ByStartingUpset)
                {
                    CsvCells.AppendRow(csv, g.Name, g.Replies, g.Empathy, g.FairEmpathy);
                }

                break;
            case "weeks":
                CsvCells.AppendRow(csv, "week", "replies", "empathy");
                foreach (var w in o.Weeks)
                {
                    CsvCells.AppendRow(csv, w.Week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), w.Replies, w.Empathy);
                }

                break;
            case "emotions":
                var labels = o.Emotions.SelectMany(e => e.Messages.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
                CsvCells.AppendRow(csv, ["week", .. labels]);
                foreach (var e in o.Emotions)
                {
                    CsvCells.AppendRow(csv, [e.Week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), .. labels.Select(l => (object)e.Messages.GetValueOrDefault(l))]);
                }

                break;
            case "promises":
                CsvCells.AppendRow(csv, "group", "name", "made", "kept on time", "kept late", "broken", "kept rate");
                CsvCells.AppendRow(csv, "all", "All", o.Promises.Made, o.Promises.Kept, o.Promises.KeptLate, o.Promises.Broken, o.Promises.KeptRate);
                foreach (var (kind, g) in o.Promises.Teams.Select(t => ("team", t)).Concat(o.Promises.Agents.Select(a => ("agent", a))))
                {
                    CsvCells.AppendRow(csv, kind, g.Name, g.Made, g.Kept, g.KeptLate, g.Broken, g.KeptRate);
                }

                foreach (var w in o.Promises.Weeks)
                {
                    CsvCells.AppendRow(csv, "week", w.Week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), w.Made, w.Kept, w.KeptLate, w.Broken, w.KeptRate);
                }

                break;
            default:
                CsvCells.AppendRow(csv, "week", "first responses", "first response minutes", "within an hour", "resolved", "resolution minutes", "within a day");
                foreach (var r in o.Responses)
                {
                    CsvCells.AppendRow(csv, r.Week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.FirstResponses, r.FirstResponseMinutes, r.WithinHour, r.Resolved, r.ResolutionMinutes, r.WithinDay);
                }

                break;
        }
    }
}

/// <summary>How many days the rebuild recomputed.</summary>
internal sealed record RebuildResponse(int Days);
