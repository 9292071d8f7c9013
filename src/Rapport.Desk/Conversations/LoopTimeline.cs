using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Data;
using Rapport.Desk.FollowUps;
using Rapport.Desk.Promises;
using Rapport.Desk.Recognition;
using Rapport.Desk.Sla;

namespace Rapport.Desk.Conversations;

/// <summary>
/// A conversation's loop, read from its records (docs/promises.md, "the loop"): SLA warnings and breaches, the first
/// reply, promises made, reminded, kept and broken, resolution, follow-ups (review, check-in with its survey link),
/// survey answers and kudos, plus a pending kudos suggestion. Oldest first; steps still to come (a promise or a
/// check-in not yet due) come last, marked <see cref="LoopStep.Pending"/>.
/// </summary>
public sealed partial class LoopTimeline(RapportDbContext db, KudosSuggestions suggestions, TimeProvider time)
{
    /// <returns>The steps, or null when there is no conversation <paramref name="conversationId"/>.</returns>
    public async Task<IReadOnlyList<LoopStep>?> ReadAsync(long conversationId, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId)
            .Select(c => new { c.Id, c.CreatedAt, c.Status, c.ResolvedAt, Customer = c.Customer == null ? null : c.Customer.Name })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            return null;
        }

        var names = await db.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken).ConfigureAwait(false);
        string Name(long? id) => id is { } i && names.TryGetValue(i, out var n) ? n : "an agent";
        var steps = new List<LoopStep> { new(conversation.CreatedAt, LoopStepKind.Opened, $"{conversation.Customer ?? "The customer"} wrote in", null) };

        foreach (var alert in await db.SlaAlerts.AsNoTracking().Where(a => a.ConversationId == conversationId).OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            var warning = alert.Kind == SlaAlertKind.Warning;
            steps.Add(new(alert.CreatedAt, warning ? LoopStepKind.SlaWarning : LoopStepKind.SlaBreach,
                warning ? "SLA breach warning" : "SLA breached",
                $"Reply due {Time(alert.DueAt)}; the team's leads were alerted."));
        }

        var replies = await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId && m.Author != MessageAuthor.Customer)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Author, m.AgentId, m.CreatedAt, m.Body, Score = m.Review == null ? (int?)null : m.Review.Score })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var promises = await db.Promises.AsNoTracking().Where(p => p.ConversationId == conversationId).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var first = replies.FirstOrDefault(r => r.Author == MessageAuthor.Agent);
        foreach (var reply in replies.Where(r => r.Author == MessageAuthor.Agent && (r == first || promises.Any(p => p.MessageId == r.Id))))
        {
            var promised = promises.Where(p => p.MessageId == reply.Id).ToList();
            var title = (reply == first ? "First reply" : "Reply") + $" by {Name(reply.AgentId)}" + (promised.Count > 0 ? " with a promise" : "");
            var detail = reply.Score is { } score ? $"Empathy {score}." : null;
            steps.Add(new(reply.CreatedAt, LoopStepKind.Reply, title, detail));
        }

        foreach (var p in promises)
        {
            steps.Add(new(p.CreatedAt, LoopStepKind.PromiseMade, $"Promise: “{p.Text}”", $"Due {Time(p.DueAt)}.", p.Id));
            if (p.RemindedAt is { } reminded)
            {
                steps.Add(new(reminded, LoopStepKind.PromiseReminded, $"{Name(p.AgentId)} reminded of the promise", $"An hour before it is due ({Time(p.DueAt)})."));
            }

            if (p.BrokenAt is { } broken)
            {
                steps.Add(new(broken, LoopStepKind.PromiseBroken, "Promise broken", "Its due time passed; the conversation's priority went up."));
            }

            if (p.KeptAt is { } kept)
            {
                steps.Add(new(kept, LoopStepKind.PromiseKept, p.BrokenAt is null ? "Promise kept" : "Promise kept late", $"Marked kept {Before(kept, p.DueAt)}.", p.Id));
            }
            else if (p.Status == PromiseStatus.Open)
            {
                steps.Add(new(p.DueAt, LoopStepKind.PromiseDue, "Promise due", $"“{p.Text}”", p.Id, Pending: true));
            }
        }

        if (conversation.ResolvedAt is { } resolved && conversation.Status is ConversationStatus.Resolved or ConversationStatus.Closed)
        {
            steps.Add(new(resolved, LoopStepKind.Resolved, conversation.Status == ConversationStatus.Closed ? "Closed" : "Resolved", null));
        }

        var checkIns = replies.Where(r => r.Author == MessageAuthor.Assistant).ToList();
        foreach (var f in await db.FollowUps.AsNoTracking().Where(f => f.ConversationId == conversationId && f.Kind == FollowUpKind.Resolved)
            .OrderBy(f => f.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (f.UpsetReason is { } upset)
            {
                steps.Add(new(f.CreatedAt, LoopStepKind.FollowUpReview, "Follow-up waits for a lead's review", $"The customer was upset at close: {upset}."));
            }

            if (f.ReviewedAt is { } reviewed)
            {
                steps.Add(new(reviewed, LoopStepKind.FollowUpReview, $"Follow-up reviewed by {Name(f.ReviewedBy)}", f.ReviewNote));
            }

            switch (f.State)
            {
                case FollowUpState.Done when f.SurveyId is not null:
                    var message = checkIns.LastOrDefault(m => m.CreatedAt <= (f.DoneAt ?? DateTimeOffset.MaxValue) && SurveyLink().IsMatch(m.Body));
                    var link = message is null ? null : SurveyLink().Match(message.Body).Value;
                    // The link while the survey can still be answered (the customer's page; a lead may open it to show the loop).
                    var answered = await db.SurveyResponses.AsNoTracking().AnyAsync(r => r.SurveyId == f.SurveyId, cancellationToken).ConfigureAwait(false);
                    steps.Add(new(f.DoneAt ?? f.DueAt, LoopStepKind.CheckIn, "Follow-up sent with a survey link", "Asked whether the fix held, with the feedback survey.", Link: answered ? null : link));
                    break;
                case FollowUpState.Scheduled:
                    steps.Add(new(f.DueAt, LoopStepKind.CheckIn, "Follow-up check-in scheduled", "It will ask whether the fix held, with a survey link.", Pending: true));
                    break;
                case FollowUpState.Cancelled:
                    steps.Add(new(f.DoneAt ?? f.DueAt, LoopStepKind.CheckIn, "Follow-up cancelled", f.Outcome));
                    break;
            }
        }

        var answers = await db.SurveyResponses.AsNoTracking().Where(r => r.ConversationId == conversationId).OrderBy(r => r.AnsweredAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var r in answers)
        {
            var detail = string.Create(CultureInfo.InvariantCulture, $"Satisfaction {r.Satisfaction}/5, felt understood {r.FeltUnderstood}/5.")
                + (r.Comment is { } comment ? $" “{comment}”" : "");
            steps.Add(new(r.AnsweredAt, LoopStepKind.SurveyAnswered, "Survey answered", detail));
        }

        var kudos = await db.Kudos.AsNoTracking().Where(k => k.ConversationId == conversationId).OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var k in kudos)
        {
            var how = k.Source == KudosSource.SuggestedAccepted ? $"Suggested by Rapport, accepted by {Name(k.FromAgentId)}" : $"From {Name(k.FromAgentId)}";
            steps.Add(new(k.CreatedAt, LoopStepKind.Kudos, $"Kudos for {Name(k.AgentId)}", $"{how}: {k.Message}"));
        }

        var agents = replies.Where(r => r.AgentId is not null).Select(r => r.AgentId!.Value).Distinct().ToList();
        foreach (var s in (await suggestions.PendingAsync(agents, cancellationToken).ConfigureAwait(false)).Where(s => s.ConversationId == conversationId))
        {
            var why = s.Praise is { } praise ? $"the customer said “{praise.Sentence}”" : $"the customer rated it {s.Satisfaction}/5";
            steps.Add(new(time.GetUtcNow(), LoopStepKind.KudosSuggested, $"Kudos suggested for {s.AgentName}", $"A reply scored {s.Score} and {why}. A lead can accept it on the kudos wall.", Link: "/kudos", Pending: true));
        }

        return [.. steps.OrderBy(s => s.Pending).ThenBy(s => s.At).ThenBy(s => s.Kind)];
    }

    private static string Time(DateTimeOffset at) => at.ToString("ddd d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Before(DateTimeOffset kept, DateTimeOffset due)
    {
        var gap = due - kept;
        if (gap <= TimeSpan.Zero)
        {
            return $"{Span(-gap)} after it was due";
        }

        return $"{Span(gap)} before it was due";
    }

    private static string Span(TimeSpan span) => span.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0} h")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, span.TotalMinutes):0} min");

    [GeneratedRegex(@"\S*/survey/[A-Za-z0-9_-]{43}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SurveyLink();
}

/// <summary>One step of a conversation's loop; <see cref="PromiseId"/> for promise steps, <see cref="Link"/> for the survey page or the kudos wall.</summary>
public sealed record LoopStep(DateTimeOffset At, LoopStepKind Kind, string Title, string? Detail, long? PromiseId = null, string? Link = null, bool Pending = false);

/// <summary>What a loop step is, in the order the loop usually runs.</summary>
public enum LoopStepKind
{
    Opened,
    SlaWarning,
    SlaBreach,
    Reply,
    PromiseMade,
    PromiseReminded,
    PromiseDue,
    PromiseKept,
    PromiseBroken,
    Resolved,
    FollowUpReview,
    CheckIn,
    SurveyAnswered,
    KudosSuggested,
    Kudos,
}
