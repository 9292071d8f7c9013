using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Core.Recognition;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;

namespace Rapport.Desk.Recognition;

/// <summary>
/// Finds kudos suggestions on read (docs/recognition.md): an agent reply of the last
/// <see cref="KudosOptions.SuggestionWindow"/> that scored at least <see cref="MinimumScore"/>, in a conversation whose
/// survey about that agent was rated 5 for satisfaction, or where the customer later praised the agent by first name in a
/// message or in the survey's comment (<see cref="PraiseMatcher"/>). One suggestion per conversation and agent, until a
/// lead accepts or dismisses it. Nothing is written when a survey is answered or a message stored, so the rule can change
/// without a backfill and a deleted message takes its suggestion with it.
/// </summary>
public sealed class KudosSuggestions(RapportDbContext db, TimeProvider time, IOptions<KudosOptions> options)
{
    /// <summary>The lowest empathy score a suggested reply can have.</summary>
    public const int MinimumScore = 90;

    /// <summary>The most strong replies one computation reads (newest first); older ones wait for the next read.</summary>
    public const int MaxCandidateReplies = 500;

    /// <summary>The longest reply quote; longer replies are cut at a word with an ellipsis.</summary>
    public const int MaxQuoteLength = 300;

    private const string Gratitude = "gratitude";

    /// <summary>Pending suggestions (not yet accepted or dismissed) for <paramref name="agentIds"/>, newest reply first.</summary>
    public async Task<IReadOnlyList<KudosSuggestion>> PendingAsync(IReadOnlyCollection<long> agentIds, CancellationToken cancellationToken)
    {
        var all = await ComputeAsync(agentIds, null, cancellationToken).ConfigureAwait(false);
        return [.. all.Where(s => !s.Decided).Select(s => s.Suggestion)];
    }

    /// <summary>The suggestion whose quoted reply is <paramref name="messageId"/>, decided or not; null when that reply is not (or no longer) suggested.</summary>
    public async Task<FoundSuggestion?> FindAsync(long messageId, CancellationToken cancellationToken)
    {
        var reply = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && m.Author == MessageAuthor.Agent && m.AgentId != null)
            .Select(m => new { m.ConversationId, AgentId = m.AgentId!.Value })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (reply is null)
        {
            return null;
        }

        var found = await ComputeAsync([reply.AgentId], reply.ConversationId, cancellationToken).ConfigureAwait(false);
        return found.FirstOrDefault(s => s.Suggestion.MessageId == messageId);
    }

    private async Task<List<FoundSuggestion>> ComputeAsync(IReadOnlyCollection<long> agentIds, long? conversationId, CancellationToken cancellationToken)
    {
        if (agentIds.Count == 0)
        {
            return [];
        }

        var ids = agentIds.ToList();
        var since = time.GetUtcNow() - options.Value.SuggestionWindow;
        var replyQuery = db.Messages.AsNoTracking()
            .Where(m => m.Author == MessageAuthor.Agent && m.AgentId != null && ids.Contains(m.AgentId.Value)
                && m.CreatedAt >= since && m.Review != null && m.Review.Score >= MinimumScore);
        if (conversationId is { } only)
        {
            replyQuery = replyQuery.Where(m => m.ConversationId == only);
        }

        var replies = await replyQuery
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(MaxCandidateReplies)
            .Select(m => new Reply(m.Id, m.ConversationId, m.AgentId!.Value, m.Body, m.CreatedAt, m.Review!.Score))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (replies.Count == 0)
        {
            return [];
        }

        var conversationIds = replies.Select(r => r.ConversationId).Distinct().ToList();
        var agents = await db.Agents.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.TeamId })
            .ToDictionaryAsync(a => a.Id, cancellationToken).ConfigureAwait(false);
        var subjects = await db.Conversations.AsNoTracking().Where(c => conversationIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Subject })
            .ToDictionaryAsync(c => c.Id, c => c.Subject, cancellationToken).ConfigureAwait(false);
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => conversationIds.Contains(r.ConversationId) && r.AgentId != null)
            .Select(r => new { r.SurveyId, r.ConversationId, AgentId = r.AgentId!.Value, r.Satisfaction, r.Comment, r.CommentLabels, r.AnsweredAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var customerMessages = await db.Messages.AsNoTracking()
            .Where(m => conversationIds.Contains(m.ConversationId) && m.Author == MessageAuthor.Customer && m.Reading != null)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.ConversationId, m.Body, m.CreatedAt, m.Reading!.Labels })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var decided = (await db.KudosSuggestionDecisions.AsNoTracking().Where(d => conversationIds.Contains(d.ConversationId))
            .Select(d => new { d.ConversationId, d.AgentId })
            .ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(d => (d.ConversationId, d.AgentId)).ToHashSet();

        var suggestions = new List<FoundSuggestion>();
        foreach (var group in replies.GroupBy(r => (r.ConversationId, r.AgentId)))
        {
            var agent = agents[group.Key.AgentId];
            var (conversation, agentId) = group.Key;
            var about = responses.Where(r => r.ConversationId == conversation && r.AgentId == agentId).ToList();
            var rated = about.Where(r => r.Satisfaction == 5).OrderBy(r => r.AnsweredAt).FirstOrDefault();

            // Praise in a customer message counts for the replies before it; praise in a survey comment for them all.
            KudosPraise? praise = null;
            Reply? praised = null;
            foreach (var message in customerMessages.Where(m => m.ConversationId == conversation))
            {
                var before = group.Where(r => r.CreatedAt < message.CreatedAt).ToList();
                if (before.Count > 0 && PraiseMatcher.FindPraise(message.Body, agent.Name, message.Labels.Contains(Gratitude)) is { } range)
                {
                    praise = new KudosPraise(message.Body[range], KudosPraiseSource.Message, message.Id, null, message.CreatedAt);
                    praised = Best(before);
                    break;
                }
            }

            if (praise is null)
            {
                foreach (var response in about)
                {
                    if (response.Comment is { } comment && PraiseMatcher.FindPraise(comment, agent.Name, response.CommentLabels.Contains(Gratitude)) is { } range)
                    {
                        praise = new KudosPraise(comment[range], KudosPraiseSource.Survey, null, response.SurveyId, response.AnsweredAt);
                        break;
                    }
                }
            }

            if (rated is null && praise is null)
            {
                continue;
            }

            var reply = praised ?? Best(group);
            suggestions.Add(new FoundSuggestion(
                new KudosSuggestion(
                    reply.Id, conversation, subjects.GetValueOrDefault(conversation, ""), agentId, agent.Name, agent.TeamId,
                    Quote(reply.Body), reply.Score, reply.CreatedAt, rated?.Satisfaction,
                    rated?.SurveyId ?? praise?.SurveyId, praise),
                decided.Contains((conversation, agentId))));
        }

        return [.. suggestions.OrderByDescending(s => s.Suggestion.RepliedAt).ThenByDescending(s => s.Suggestion.MessageId)];
    }

    // The strongest reply; the latest among equals.
    private static Reply Best(IEnumerable<Reply> replies) =>
        replies.OrderByDescending(r => r.Score).ThenByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).First();

    /// <summary>The reply as quoted on a card: trimmed, and cut at a word with an ellipsis past <see cref="MaxQuoteLength"/>.</summary>
    public static string Quote(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = body.Trim();
        if (text.Length <= MaxQuoteLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxQuoteLength - 1);
        return string.Concat(text.AsSpan(0, cut > MaxQuoteLength / 2 ? cut : MaxQuoteLength - 1).TrimEnd(), "…");
    }

    private sealed record Reply(long Id, long ConversationId, long AgentId, string Body, DateTimeOffset CreatedAt, int Score);
}
