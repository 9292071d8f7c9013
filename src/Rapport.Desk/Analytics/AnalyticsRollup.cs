using Microsoft.EntityFrameworkCore;
using Rapport.Core.Analytics;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;

namespace Rapport.Desk.Analytics;

/// <summary>
/// Keeps the daily analytics rows (<see cref="EmpathyDaily"/>, <see cref="EmotionDaily"/>, <see cref="ResponseDaily"/>,
/// <see cref="SurveyDaily"/>, <see cref="PromiseDaily"/>)
/// in step with the messages. A refresh recomputes whole days: every day that received a message since the last
/// refresh (the watermark is the highest message id folded in), plus today and yesterday, which also catches
/// resolutions and messages committed out of id order. Recomputing a day is idempotent, so a crash mid-refresh only
/// means the next one does the same work again.
/// </summary>
public sealed class AnalyticsRollup(RapportDbContext db, TimeProvider time)
{
    /// <summary>Days recomputed per batch (one transaction each).</summary>
    public const int DaysPerBatch = 7;

    private const int IdsPerQuery = 500;

    /// <summary>Brings the rows up to date; returns the number of days recomputed.</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        var watermark = await db.AnalyticsWatermarks.FirstOrDefaultAsync(w => w.Id == 1, cancellationToken).ConfigureAwait(false);
        var from = watermark?.LastMessageId ?? 0;
        var last = await db.Messages.MaxAsync(m => (long?)m.Id, cancellationToken).ConfigureAwait(false) ?? 0;
        var today = AnalyticsDays.Of(time.GetUtcNow());
        var days = new SortedSet<int> { today - 1, today };
        if (last > from)
        {
            var times = await db.Messages.AsNoTracking().Where(m => m.Id > from && m.Id <= last).Select(m => m.CreatedAt)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            days.UnionWith(times.Select(AnalyticsDays.Of));
        }

        await RecomputeAsync(days, cancellationToken).ConfigureAwait(false);

        if (watermark is null)
        {
            watermark = new AnalyticsWatermark { Id = 1 };
            db.AnalyticsWatermarks.Add(watermark);
        }

        watermark.LastMessageId = Math.Max(watermark.LastMessageId, last);
        watermark.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return days.Count;
    }

    /// <summary>Recomputes every day from the first message to today (after a change of engine or of the rules).</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        var first = await db.Messages.MinAsync(m => (DateTimeOffset?)m.CreatedAt, cancellationToken).ConfigureAwait(false);
        var today = AnalyticsDays.Of(time.GetUtcNow());
        var start = first is { } f ? Math.Min(AnalyticsDays.Of(f), today) : today;
        var conversations = await db.Conversations.MinAsync(c => (DateTimeOffset?)c.CreatedAt, cancellationToken).ConfigureAwait(false);
        if (conversations is { } c0)
        {
            start = Math.Min(start, AnalyticsDays.Of(c0));
        }

        var last = await db.Messages.MaxAsync(m => (long?)m.Id, cancellationToken).ConfigureAwait(false) ?? 0;
        var days = new SortedSet<int>(Enumerable.Range(start, today - start + 1));
        await RecomputeAsync(days, cancellationToken).ConfigureAwait(false);

        // Every message up to here is folded in: the next refresh starts after them rather than doing it all again.
        var watermark = await db.AnalyticsWatermarks.FirstOrDefaultAsync(w => w.Id == 1, cancellationToken).ConfigureAwait(false);
        if (watermark is null)
        {
            watermark = new AnalyticsWatermark { Id = 1 };
            db.AnalyticsWatermarks.Add(watermark);
        }

        watermark.LastMessageId = Math.Max(watermark.LastMessageId, last);
        watermark.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return days.Count;
    }

    private async Task RecomputeAsync(SortedSet<int> days, CancellationToken cancellationToken)
    {
        var upsetByConversation = new Dictionary<long, int>();
        foreach (var batch in Batches(days))
        {
            await RecomputeBatchAsync(batch, upsetByConversation, cancellationToken).ConfigureAwait(false);
        }

        // Every conversation with a reply on a recomputed day (the keys of the upset map) gets its drill-down row anew.
        await new ConversationEmpathyRollup(db).RecomputeAsync(upsetByConversation.Keys, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs of consecutive days, at most <see cref="DaysPerBatch"/> long.</summary>
    private static IEnumerable<(int First, int Last)> Batches(SortedSet<int> days)
    {
        int? first = null, previous = null;
        foreach (var day in days)
        {
            if (first is null)
            {
                first = previous = day;
                continue;
            }

            if (day != previous + 1 || day - first >= DaysPerBatch)
            {
                yield return (first.Value, previous!.Value);
                first = day;
            }

            previous = day;
        }

        if (first is not null)
        {
            yield return (first.Value, previous!.Value);
        }
    }

    private async Task RecomputeBatchAsync((int First, int Last) batch, Dictionary<long, int> upsetByConversation, CancellationToken cancellationToken)
    {
        var start = AnalyticsDays.Start(batch.First);
        var end = AnalyticsDays.Start(batch.Last + 1);

        var replies = await db.Messages.AsNoTracking()
            .Where(m => m.CreatedAt >= start && m.CreatedAt < end && m.Author == MessageAuthor.Agent && m.Review != null)
            .Select(m => new { m.ConversationId, m.AgentId, m.Channel, m.CreatedAt, m.Review!.Score })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        await LoadUpsetAsync([.. replies.Select(r => r.ConversationId).Distinct().Where(id => !upsetByConversation.ContainsKey(id))], upsetByConversation, cancellationToken)
            .ConfigureAwait(false);
        var empathy = replies
            .GroupBy(r => (Day: AnalyticsDays.Of(r.CreatedAt), r.AgentId, r.Channel, Bucket: upsetByConversation.GetValueOrDefault(r.ConversationId)))
            .Select(g => new EmpathyDaily
            {
                Day = g.Key.Day,
                AgentId = g.Key.AgentId,
                Channel = g.Key.Channel,
                UpsetBucket = g.Key.Bucket,
                Replies = g.Count(),
                ScoreSum = g.Sum(r => (double)r.Score),
                ScoreSquares = g.Sum(r => (double)r.Score * r.Score),
            })
            .ToList();

        var feelings = await (
            from m in db.Messages.AsNoTracking()
            join c in db.Conversations.AsNoTracking() on m.ConversationId equals c.Id
            where m.CreatedAt >= start && m.CreatedAt < end && m.Author == MessageAuthor.Customer && m.Reading != null
            select new { m.CreatedAt, c.AssigneeId, m.Channel, m.Reading!.Labels })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var emotions = feelings
            .GroupBy(f => (Day: AnalyticsDays.Of(f.CreatedAt), f.AssigneeId, f.Channel, Label: f.Labels.FirstOrDefault(l => l != "neutral") ?? "neutral"))
            .Select(g => new EmotionDaily { Day = g.Key.Day, AgentId = g.Key.AssigneeId, Channel = g.Key.Channel, Label = g.Key.Label, Messages = g.Count() })
            .ToList();

        var firsts = await db.Conversations.AsNoTracking()
            .Where(c => c.FirstResponseAt >= start && c.FirstResponseAt < end)
            .Select(c => new { c.AssigneeId, c.Channel, c.CreatedAt, At = c.FirstResponseAt!.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var resolutions = await db.Conversations.AsNoTracking()
            .Where(c => c.ResolvedAt >= start && c.ResolvedAt < end)
            .Select(c => new { c.AssigneeId, c.Channel, c.CreatedAt, At = c.ResolvedAt!.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var responses = new Dictionary<(int Day, long? Agent, Channel Channel), ResponseDaily>();
        ResponseDaily Row(DateTimeOffset at, long? agent, Channel channel)
        {
            var key = (AnalyticsDays.Of(at), agent, channel);
            if (!responses.TryGetValue(key, out var row))
            {
                row = new ResponseDaily { Day = key.Item1, AgentId = agent, Channel = channel };
                responses[key] = row;
            }

            return row;
        }

        foreach (var f in firsts)
        {
            var row = Row(f.At, f.AssigneeId, f.Channel);
            var minutes = Math.Max(0, (f.At - f.CreatedAt).TotalMinutes);
            row.FirstResponses++;
            row.FirstResponseMinutes += minutes;
            row.FirstResponsesWithinHour += minutes <= 60 ? 1 : 0;
        }

        foreach (var r in resolutions)
        {
            var row = Row(r.At, r.AssigneeId, r.Channel);
            var minutes = Math.Max(0, (r.At - r.CreatedAt).TotalMinutes);
            row.Resolved++;
            row.ResolutionMinutes += minutes;
            row.ResolvedWithinDay += minutes <= 24 * 60 ? 1 : 0;
        }

        var surveys = await SurveysAsync(start, end, cancellationToken).ConfigureAwait(false);
        var promises = await PromisesAsync(start, end, cancellationToken).ConfigureAwait(false);

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await db.EmpathyDaily.Where(r => r.Day >= batch.First && r.Day <= batch.Last).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.EmotionDaily.Where(r => r.Day >= batch.First && r.Day <= batch.Last).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.ResponseDaily.Where(r => r.Day >= batch.First && r.Day <= batch.Last).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.SurveyDaily.Where(r => r.Day >= batch.First && r.Day <= batch.Last).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.PromiseDaily.Where(r => r.Day >= batch.First && r.Day <= batch.Last).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            db.EmpathyDaily.AddRange(empathy);
            db.EmotionDaily.AddRange(emotions);
            db.ResponseDaily.AddRange(responses.Values);
            db.SurveyDaily.AddRange(surveys);
            db.PromiseDaily.AddRange(promises);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }).ConfigureAwait(false);
    }

    /// <summary>Promises made, kept (on time or late) and broken in [start, end), by day, promising agent and channel.</summary>
    private async Task<List<PromiseDaily>> PromisesAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var promises = from p in db.Promises.AsNoTracking()
                       join c in db.Conversations.AsNoTracking() on p.ConversationId equals c.Id
                       select new { p.AgentId, c.Channel, p.CreatedAt, p.KeptAt, p.BrokenAt };
        var made = await promises.Where(p => p.CreatedAt >= start && p.CreatedAt < end)
            .Select(p => new { p.AgentId, p.Channel, At = p.CreatedAt }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var kept = await promises.Where(p => p.KeptAt >= start && p.KeptAt < end)
            .Select(p => new { p.AgentId, p.Channel, At = p.KeptAt!.Value, Late = p.BrokenAt != null }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var broken = await promises.Where(p => p.BrokenAt >= start && p.BrokenAt < end)
            .Select(p => new { p.AgentId, p.Channel, At = p.BrokenAt!.Value }).ToListAsync(cancellationToken).ConfigureAwait(false);

        var rows = new Dictionary<(int Day, long? Agent, Channel Channel), PromiseDaily>();
        PromiseDaily Row(DateTimeOffset at, long? agent, Channel channel)
        {
            var key = (AnalyticsDays.Of(at), agent, channel);
            if (!rows.TryGetValue(key, out var row))
            {
                row = new PromiseDaily { Day = key.Item1, AgentId = agent, Channel = channel };
                rows[key] = row;
            }

            return row;
        }

        foreach (var p in made)
        {
            Row(p.At, p.AgentId, p.Channel).Made++;
        }

        foreach (var p in kept)
        {
            var row = Row(p.At, p.AgentId, p.Channel);
            row.Kept += p.Late ? 0 : 1;
            row.KeptLate += p.Late ? 1 : 0;
        }

        foreach (var p in broken)
        {
            Row(p.At, p.AgentId, p.Channel).Broken++;
        }

        return [.. rows.Values];
    }

    /// <summary>Survey answers given in [start, end), each paired with its conversation's mean reply empathy.</summary>
    private async Task<List<SurveyDaily>> SurveysAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var answers = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.AnsweredAt >= start && r.AnsweredAt < end)
            .Select(r => new { r.ConversationId, r.AgentId, r.AnsweredAt, r.Satisfaction, r.FeltUnderstood })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var empathy = new Dictionary<long, double>();
        var conversations = answers.Select(a => a.ConversationId).Distinct().ToList();
        for (var i = 0; i < conversations.Count; i += IdsPerQuery)
        {
            var ids = conversations.Skip(i).Take(IdsPerQuery).ToList();
            var means = await db.Messages.AsNoTracking()
                .Where(m => ids.Contains(m.ConversationId) && m.Author == MessageAuthor.Agent && m.Review != null)
                .GroupBy(m => m.ConversationId)
                .Select(g => new { ConversationId = g.Key, Mean = g.Average(m => (double)m.Review!.Score) })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var mean in means)
            {
                empathy[mean.ConversationId] = mean.Mean;
            }
        }

        var rows = new Dictionary<(int Day, long? Agent), SurveyDaily>();
        foreach (var a in answers)
        {
            var key = (AnalyticsDays.Of(a.AnsweredAt), a.AgentId);
            if (!rows.TryGetValue(key, out var row))
            {
                row = new SurveyDaily { Day = key.Item1, AgentId = a.AgentId };
                rows[key] = row;
            }

            row.Surveys++;
            row.SumSatisfaction += a.Satisfaction;
            row.SumUnderstood += a.FeltUnderstood;
            if (empathy.TryGetValue(a.ConversationId, out var x))
            {
                row.Paired++;
                row.SumEmpathy += x;
                row.SumEmpathySquares += x * x;
                row.SumPairedSatisfaction += a.Satisfaction;
                row.SumPairedUnderstood += a.FeltUnderstood;
                row.SumSatisfactionSquares += a.Satisfaction * a.Satisfaction;
                row.SumUnderstoodSquares += a.FeltUnderstood * a.FeltUnderstood;
                row.SumEmpathySatisfaction += x * a.Satisfaction;
                row.SumEmpathyUnderstood += x * a.FeltUnderstood;
            }
        }

        return [.. rows.Values];
    }

    /// <summary>
    /// How upset each conversation's customer was at the start: the band of the first customer message's intensity when
    /// its feeling is negative (valence below zero), else band 0.
    /// </summary>
    private async Task LoadUpsetAsync(IReadOnlyList<long> conversationIds, Dictionary<long, int> upset, CancellationToken cancellationToken)
    {
        for (var i = 0; i < conversationIds.Count; i += IdsPerQuery)
        {
            var ids = conversationIds.Skip(i).Take(IdsPerQuery).ToList();
            var openings = await db.Messages.AsNoTracking()
                .Where(m => ids.Contains(m.ConversationId) && m.Author == MessageAuthor.Customer && m.Reading != null)
                .Select(m => new { m.ConversationId, m.CreatedAt, m.Id, m.Reading!.Valence, m.Reading.Intensity })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var first in openings.GroupBy(o => o.ConversationId).Select(g => g.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).First()))
            {
                upset[first.ConversationId] = FairEmpathy.Bucket(first.Valence < 0 ? first.Intensity : 0);
            }

            foreach (var id in ids)
            {
                upset.TryAdd(id, 0);
            }
        }
    }
}
