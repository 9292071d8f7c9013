using Microsoft.EntityFrameworkCore;
using Rapport.Core.Analytics;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;

namespace Rapport.Desk.Analytics;

/// <summary>A conversation behind a chart point.</summary>
public sealed record DrillConversation(long Id, string Subject, string? Customer, string? Assignee, Channel Channel, DateTimeOffset CreatedAt, int Replies, double Empathy);

/// <summary>Reads the daily rollup rows into the team analytics (a handful of grouped queries, whatever the archive's size).</summary>
public sealed class AnalyticsService(RapportDbContext db)
{
    /// <summary>Conversations a drill-down lists at most.</summary>
    public const int DrillLimit = 100;

    /// <summary>The overview of <paramref name="query"/>.</summary>
    public async Task<AnalyticsOverview> OverviewAsync(AnalyticsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var empathyRows = await Scope(db.EmpathyDaily.AsNoTracking(), query, r => r.Day, r => r.AgentId, r => r.Channel)
            .GroupBy(r => new { r.AgentId, r.Channel, r.UpsetBucket, Week = (r.Day + 3) / 7 })
            .Select(g => new { g.Key.AgentId, g.Key.Channel, g.Key.UpsetBucket, g.Key.Week, Replies = g.Sum(r => r.Replies), Sum = g.Sum(r => r.ScoreSum), Squares = g.Sum(r => r.ScoreSquares) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var dailyRows = await Scope(db.EmpathyDaily.AsNoTracking(), query, r => r.Day, r => r.AgentId, r => r.Channel)
            .GroupBy(r => r.Day)
            .Select(g => new { Day = g.Key, Replies = g.Sum(r => r.Replies), Sum = g.Sum(r => r.ScoreSum), Squares = g.Sum(r => r.ScoreSquares) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var emotionRows = await Scope(db.EmotionDaily.AsNoTracking(), query, r => r.Day, r => r.AgentId, r => r.Channel, includeUnassigned: true)
            .GroupBy(r => new { Week = (r.Day + 3) / 7, r.Label })
            .Select(g => new { g.Key.Week, g.Key.Label, Messages = g.Sum(r => r.Messages) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var responseRows = await Scope(db.ResponseDaily.AsNoTracking(), query, r => r.Day, r => r.AgentId, r => r.Channel)
            .GroupBy(r => new { r.AgentId, Week = (r.Day + 3) / 7 })
            .Select(g => new
            {
                g.Key.AgentId,
                g.Key.Week,
                FirstResponses = g.Sum(r => r.FirstResponses),
                FirstMinutes = g.Sum(r => r.FirstResponseMinutes),
                WithinHour = g.Sum(r => r.FirstResponsesWithinHour),
                Resolved = g.Sum(r => r.Resolved),
                ResolutionMinutes = g.Sum(r => r.ResolutionMinutes),
                WithinDay = g.Sum(r => r.ResolvedWithinDay),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var surveyRows = await Scope(db.SurveyDaily.AsNoTracking(), query, r => r.Day, r => r.AgentId, _ => Channel.Email, ignoreChannel: true)
            .GroupBy(r => r.AgentId)
            .Select(g => new
            {
                AgentId = g.Key,
                Surveys = g.Sum(r => r.Surveys),
                Paired = g.Sum(r => r.Paired),
                Sat = g.Sum(r => r.SumSatisfaction),
                Und = g.Sum(r => r.SumUnderstood),
                X = g.Sum(r => r.SumEmpathy),
                XX = g.Sum(r => r.SumEmpathySquares),
                PSat = g.Sum(r => r.SumPairedSatisfaction),
                PUnd = g.Sum(r => r.SumPairedUnderstood),
                SatSat = g.Sum(r => r.SumSatisfactionSquares),
                UndUnd = g.Sum(r => r.SumUnderstoodSquares),
                XSat = g.Sum(r => r.SumEmpathySatisfaction),
                XUnd = g.Sum(r => r.SumEmpathyUnderstood),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var promiseRows = await Scope(db.PromiseDaily.AsNoTracking(), query, r => r.Day, r => r.AgentId, r => r.Channel)
            .GroupBy(r => new { r.AgentId, Week = (r.Day + 3) / 7 })
            .Select(g => new { g.Key.AgentId, g.Key.Week, Made = g.Sum(r => r.Made), Kept = g.Sum(r => r.Kept), KeptLate = g.Sum(r => r.KeptLate), Broken = g.Sum(r => r.Broken) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var agents = await db.Agents.AsNoTracking()
            .Select(a => new { a.Id, a.Name, a.TeamId, Team = a.TeamId == null ? null : db.Teams.Where(t => t.Id == a.TeamId).Select(t => t.Name).FirstOrDefault() })
            .ToDictionaryAsync(a => a.Id, cancellationToken).ConfigureAwait(false);

        static ScoreStats Stats(long replies, double sum, double squares) => new(replies, sum, squares);
        var all = empathyRows.Aggregate(ScoreStats.Empty, (s, r) => s + Stats(r.Replies, r.Sum, r.Squares));
        var deskBands = Bands(empathyRows.Select(r => (r.UpsetBucket, Stats(r.Replies, r.Sum, r.Squares))));

        var responsesByAgent = responseRows.GroupBy(r => r.AgentId).ToDictionary(g => g.Key ?? 0, g => (
            Resolved: g.Sum(r => r.Resolved), ResolutionMinutes: g.Sum(r => r.ResolutionMinutes),
            FirstResponses: g.Sum(r => r.FirstResponses), FirstMinutes: g.Sum(r => r.FirstMinutes)));
        var agentFigures = empathyRows.Where(r => r.AgentId is not null).GroupBy(r => r.AgentId!.Value).Select(g =>
        {
            var stats = g.Aggregate(ScoreStats.Empty, (s, r) => s + Stats(r.Replies, r.Sum, r.Squares));
            var bands = Bands(g.Select(r => (r.UpsetBucket, Stats(r.Replies, r.Sum, r.Squares))));
            var agent = agents.GetValueOrDefault(g.Key);
            var response = responsesByAgent.GetValueOrDefault(g.Key);
            return new AgentFigures(
                g.Key, agent?.Name ?? $"Agent {g.Key}", agent?.TeamId, agent?.Team, stats.Count, Round(stats.Mean), Round(FairEmpathy.Score(bands, deskBands)),
                Math.Round(stats.StandardDeviation, 1), response.Resolved,
                response.Resolved == 0 ? null : Round(response.ResolutionMinutes / response.Resolved),
                response.FirstResponses == 0 ? null : Round(response.FirstMinutes / response.FirstResponses), null);
        }).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        agentFigures = WithQuadrants(agentFigures);
        var surveysByAgent = surveyRows.Where(r => r.AgentId is not null).ToDictionary(r => r.AgentId!.Value);
        agentFigures = [.. agentFigures.Select(a => surveysByAgent.TryGetValue(a.AgentId, out var s) && s.Surveys > 0
            ? a with { Surveys = s.Surveys, Satisfaction = Math.Round(s.Sat / s.Surveys, 2), FeltUnderstood = Math.Round(s.Und / s.Surveys, 2) }
            : a)];
        int surveys = surveyRows.Sum(r => r.Surveys), paired = surveyRows.Sum(r => r.Paired);
        var satisfactionR = new Correlation(paired, surveyRows.Sum(r => r.X), surveyRows.Sum(r => r.PSat), surveyRows.Sum(r => r.XSat), surveyRows.Sum(r => r.XX), surveyRows.Sum(r => r.SatSat)).R;
        var understoodR = new Correlation(paired, surveyRows.Sum(r => r.X), surveyRows.Sum(r => r.PUnd), surveyRows.Sum(r => r.XUnd), surveyRows.Sum(r => r.XX), surveyRows.Sum(r => r.UndUnd)).R;
        var satisfaction = new SatisfactionFigures(
            surveys,
            surveys == 0 ? null : Math.Round(surveyRows.Sum(r => r.Sat) / surveys, 2),
            surveys == 0 ? null : Math.Round(surveyRows.Sum(r => r.Und) / surveys, 2),
            paired,
            satisfactionR is { } sr ? Math.Round(sr, 3) : null,
            understoodR is { } ur ? Math.Round(ur, 3) : null);

        var teams = empathyRows.Where(r => r.AgentId is not null).GroupBy(r => agents.GetValueOrDefault(r.AgentId!.Value)?.TeamId).Select(g =>
        {
            var stats = g.Aggregate(ScoreStats.Empty, (s, r) => s + Stats(r.Replies, r.Sum, r.Squares));
            var bands = Bands(g.Select(r => (r.UpsetBucket, Stats(r.Replies, r.Sum, r.Squares))));
            var name = g.Key is { } id ? agents.Values.FirstOrDefault(a => a.TeamId == id)?.Team ?? $"Team {id}" : "No team";
            return new GroupFigures(g.Key?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none", name, stats.Count, Round(stats.Mean), Round(FairEmpathy.Score(bands, deskBands)));
        }).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

        var channels = empathyRows.GroupBy(r => r.Channel).Select(g =>
        {
            var stats = g.Aggregate(ScoreStats.Empty, (s, r) => s + Stats(r.Replies, r.Sum, r.Squares));
            var bands = Bands(g.Select(r => (r.UpsetBucket, Stats(r.Replies, r.Sum, r.Squares))));
            return new GroupFigures(g.Key.ToString().ToLowerInvariant(), g.Key.ToString(), stats.Count, Round(stats.Mean), Round(FairEmpathy.Score(bands, deskBands)));
        }).OrderByDescending(c => c.Replies).ToList();

        var byUpset = Enumerable.Range(0, FairEmpathy.Buckets)
            .Select(b => new GroupFigures(b.ToString(System.Globalization.CultureInfo.InvariantCulture), FairEmpathy.BucketName(b), deskBands[b].Count, Round(deskBands[b].Mean), null))
            .ToList();

        var weeks = empathyRows.GroupBy(r => r.Week).OrderBy(g => g.Key).Select(g =>
        {
            var stats = g.Aggregate(ScoreStats.Empty, (s, r) => s + Stats(r.Replies, r.Sum, r.Squares));
            return new WeekFigures(AnalyticsDays.WeekStart(g.Key), stats.Count, Round(stats.Mean));
        }).ToList();

        var emotions = emotionRows.GroupBy(r => r.Week).OrderBy(g => g.Key)
            .Select(g => new EmotionWeek(AnalyticsDays.WeekStart(g.Key), g.ToDictionary(r => r.Label, r => r.Messages, StringComparer.Ordinal)))
            .ToList();

        var responses = responseRows.GroupBy(r => r.Week).OrderBy(g => g.Key).Select(g =>
        {
            int first = g.Sum(r => r.FirstResponses), resolved = g.Sum(r => r.Resolved);
            return new ResponseWeek(
                AnalyticsDays.WeekStart(g.Key),
                first, first == 0 ? null : Round(g.Sum(r => r.FirstMinutes) / first), first == 0 ? null : Math.Round(g.Sum(r => r.WithinHour) / (double)first, 3),
                resolved, resolved == 0 ? null : Round(g.Sum(r => r.ResolutionMinutes) / resolved), resolved == 0 ? null : Math.Round(g.Sum(r => r.WithinDay) / (double)resolved, 3));
        }).ToList();

        var acrossAgents = Consistency.Of(empathyRows.Where(r => r.AgentId is not null).GroupBy(r => r.AgentId)
            .Select(g => g.Aggregate(ScoreStats.Empty, (s, r) => s + Stats(r.Replies, r.Sum, r.Squares))));
        var acrossDays = Consistency.Of(dailyRows.Select(d => Stats(d.Replies, d.Sum, d.Squares)));

        static double? Rate(int kept, int broken) => kept + broken == 0 ? null : Math.Round(kept / (double)(kept + broken), 3);
        PromiseGroup Group(string key, string name, IEnumerable<(int Made, int Kept, int KeptLate, int Broken)> rows)
        {
            var list = rows.ToList();
            int kept = list.Sum(r => r.Kept), broken = list.Sum(r => r.Broken);
            return new PromiseGroup(key, name, list.Sum(r => r.Made), kept, list.Sum(r => r.KeptLate), broken, Rate(kept, broken));
        }

        var promiseTuples = promiseRows.Select(r => (r.AgentId, r.Week, Counts: (r.Made, r.Kept, r.KeptLate, r.Broken))).ToList();
        var promiseAgents = promiseTuples.Where(r => r.AgentId is not null).GroupBy(r => r.AgentId!.Value)
            .Select(g => Group(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), agents.GetValueOrDefault(g.Key)?.Name ?? $"Agent {g.Key}", g.Select(r => r.Counts)))
            .OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        var promiseTeams = promiseTuples.Where(r => r.AgentId is not null).GroupBy(r => agents.GetValueOrDefault(r.AgentId!.Value)?.TeamId)
            .Select(g => Group(g.Key?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none",
                g.Key is { } id ? agents.Values.FirstOrDefault(a => a.TeamId == id)?.Team ?? $"Team {id}" : "No team", g.Select(r => r.Counts)))
            .OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        var promiseWeeks = promiseTuples.GroupBy(r => r.Week).OrderBy(g => g.Key).Select(g =>
        {
            var total = Group("", "", g.Select(r => r.Counts));
            return new PromiseWeek(AnalyticsDays.WeekStart(g.Key), total.Made, total.Kept, total.KeptLate, total.Broken, total.KeptRate);
        }).ToList();
        var allPromises = Group("all", "All", promiseTuples.Select(r => r.Counts));
        var promises = new PromiseFigures(allPromises.Made, allPromises.Kept, allPromises.KeptLate, allPromises.Broken, allPromises.KeptRate, promiseAgents, promiseTeams, promiseWeeks);

        return new AnalyticsOverview(query.From, query.To, all.Count, Round(all.Mean), acrossAgents, acrossDays, agentFigures, teams, channels, weeks, byUpset, emotions, responses, satisfaction, promises);
    }

    /// <summary>
    /// The conversations behind a chart point: those with agent replies in the range (narrowed by agent or channel),
    /// lowest empathy first, at most <see cref="DrillLimit"/>. Read from the <see cref="ConversationEmpathy"/> rollup, so
    /// a conversation's empathy and reply count are over its whole life (by the agent, when one is asked for), not only
    /// the replies inside the range (docs/analytics.md, "Drill-down").
    /// </summary>
    public async Task<IReadOnlyList<DrillConversation>> ConversationsAsync(AnalyticsQuery query, long? agentId, CancellationToken cancellationToken) =>
        await ConversationsAsync(query, agentId, null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// As <see cref="ConversationsAsync(AnalyticsQuery, long?, CancellationToken)"/>, narrowed to the conversations with
    /// a promise <paramref name="promises"/> in the range (made, kept on time, or broken), by the agent when one is given.
    /// </summary>
    public async Task<IReadOnlyList<DrillConversation>> ConversationsAsync(AnalyticsQuery query, long? agentId, PromiseOutcome? promises, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        int first = query.FirstDay, last = query.LastDay;
        var rows = db.ConversationEmpathy.AsNoTracking();
        if (promises is { } outcome)
        {
            var start = AnalyticsDays.Start(first);
            var end = AnalyticsDays.Start(last + 1);
            var withPromises = db.Promises.AsNoTracking();
            if (agentId is { } promiser)
            {
                withPromises = withPromises.Where(p => p.AgentId == promiser);
            }

            withPromises = outcome switch
            {
                PromiseOutcome.Made => withPromises.Where(p => p.CreatedAt >= start && p.CreatedAt < end),
                PromiseOutcome.Kept => withPromises.Where(p => p.KeptAt >= start && p.KeptAt < end && p.BrokenAt == null),
                _ => withPromises.Where(p => p.BrokenAt >= start && p.BrokenAt < end),
            };

            // The promises' own conversations, whenever their replies were written.
            rows = rows.Where(r => withPromises.Any(p => p.ConversationId == r.ConversationId));
        }
        else
        {
            // The range goes into the SQL as literals: PostgreSQL's generic plan for a prepared statement (ADR 0020)
            // guesses a third of the rows per bound and picks a hash aggregate that spills to disk, 2-3 times slower
            // than the plan it makes for the actual days. A dashboard asks for a handful of ranges a day.
            rows = rows.Where(r => r.LastDay >= EF.Constant(first) && r.FirstDay <= EF.Constant(last));
        }

        if (query.AgentIds is { } ids)
        {
            rows = rows.Where(r => r.AgentId != null && ids.Contains(r.AgentId.Value));
        }

        if (agentId is { } agent)
        {
            rows = rows.Where(r => r.AgentId == agent);
        }

        if (query.Channel is { } channel)
        {
            rows = rows.Where(r => r.Channel == channel);
        }

        var grouped = await rows.GroupBy(r => r.ConversationId)
            .Select(g => new { ConversationId = g.Key, Replies = g.Sum(r => r.Replies), Empathy = g.Sum(r => r.ScoreSum) / g.Sum(r => r.Replies) })
            .OrderBy(g => g.Empathy).ThenBy(g => g.ConversationId).Take(DrillLimit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids2 = grouped.Select(g => g.ConversationId).ToList();
        var conversations = await db.Conversations.AsNoTracking().Where(c => ids2.Contains(c.Id))
            .Select(c => new { c.Id, c.Subject, Customer = c.Customer!.Name, Assignee = c.Assignee == null ? null : c.Assignee.Name, c.Channel, c.CreatedAt })
            .ToDictionaryAsync(c => c.Id, cancellationToken).ConfigureAwait(false);
        return [.. grouped.Where(g => conversations.ContainsKey(g.ConversationId)).Select(g =>
        {
            var c = conversations[g.ConversationId];
            return new DrillConversation(c.Id, c.Subject, c.Customer, c.Assignee, c.Channel, c.CreatedAt, g.Replies, Round(g.Empathy));
        })];
    }

    private static IQueryable<T> Scope<T>(
        IQueryable<T> rows, AnalyticsQuery query, System.Linq.Expressions.Expression<Func<T, int>> day,
        System.Linq.Expressions.Expression<Func<T, long?>> agent, System.Linq.Expressions.Expression<Func<T, Channel>> channel, bool includeUnassigned = false, bool ignoreChannel = false)
    {
        int first = query.FirstDay, last = query.LastDay;
        rows = rows.Where(Compose(day, d => d >= first && d <= last));
        if (query.AgentIds is { } ids)
        {
            rows = includeUnassigned
                ? rows.Where(Compose(agent, a => a == null || ids.Contains(a.Value)))
                : rows.Where(Compose(agent, a => a != null && ids.Contains(a.Value)));
        }

        if (query.Channel is { } only && !ignoreChannel)
        {
            rows = rows.Where(Compose(channel, c => c == only));
        }

        return rows;
    }

    /// <summary>row => test(select(row)), as one expression EF can translate.</summary>
    private static System.Linq.Expressions.Expression<Func<T, bool>> Compose<T, TValue>(
        System.Linq.Expressions.Expression<Func<T, TValue>> select, System.Linq.Expressions.Expression<Func<TValue, bool>> test)
    {
        var body = new ParameterReplacer(test.Parameters[0], select.Body).Visit(test.Body);
        return System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(body, select.Parameters);
    }

    private static ScoreStats[] Bands(IEnumerable<(int Bucket, ScoreStats Stats)> rows)
    {
        var bands = new ScoreStats[FairEmpathy.Buckets];
        foreach (var (bucket, stats) in rows)
        {
            bands[Math.Clamp(bucket, 0, FairEmpathy.Buckets - 1)] += stats;
        }

        return bands;
    }

    private static List<AgentFigures> WithQuadrants(List<AgentFigures> agents)
    {
        var timed = agents.Where(a => a.ResolutionMinutes is not null && a.Replies >= Consistency.MinReplies).ToList();
        if (timed.Count < 2)
        {
            return agents;
        }

        var medianEmpathy = EffortQuadrants.Median(timed.Select(a => a.Empathy));
        var medianMinutes = EffortQuadrants.Median(timed.Select(a => a.ResolutionMinutes!.Value));
        return [.. agents.Select(a => timed.Contains(a) ? a with { Quadrant = EffortQuadrants.Of(a.Empathy, a.ResolutionMinutes!.Value, medianEmpathy, medianMinutes) } : a)];
    }

    private static double Round(double value) => Math.Round(value, 1);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;

    private sealed class ParameterReplacer(System.Linq.Expressions.ParameterExpression from, System.Linq.Expressions.Expression to) : System.Linq.Expressions.ExpressionVisitor
    {
        protected override System.Linq.Expressions.Expression VisitParameter(System.Linq.Expressions.ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
