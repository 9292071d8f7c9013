using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Conversations;
using Rapport.Desk.Customers;
using Rapport.Desk.Data;
using Rapport.Desk.Sla;
using Rapport.Server.Security;

namespace Rapport.Server.Components.Workspace;

/// <summary>
/// The reads behind the workspace pages: inbox rows (priority order from <see cref="ConversationService.ListAsync"/>,
/// then badges and the latest message for the page), the conversation an agent may open, and the team's threshold.
/// </summary>
internal sealed class WorkspaceQueries(RapportDbContext db, ConversationService conversations, CustomerService customers, SlaService sla)
{
    /// <summary>The most rows the inbox shows (the highest priorities).</summary>
    public const int InboxLimit = 60;

    private const int PageSize = 100;

    // Emotion and "unassigned" are filtered here, after the priority-ordered query; a bounded number of pages keeps a
    // rare filter on a huge desk from reading everything (it then shows what it found).
    private const int MaxPages = 20;

    private const int SnippetLength = 140;

    public async Task<IReadOnlyList<InboxRow>> InboxAsync(SignedInAgent agent, InboxFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(filter);
        long? assignee = filter.Assignee switch
        {
            InboxFilter.Me => agent.Id,
            _ when long.TryParse(filter.Assignee, CultureInfo.InvariantCulture, out var id) => id,
            _ => null,
        };
        var unassignedOnly = filter.Assignee == InboxFilter.Unassigned;
        var postFilter = unassignedOnly || filter.Emotion is not null;

        var rows = new List<InboxRow>(InboxLimit);
        ConversationCursor? cursor = null;
        for (var page = 0; page < MaxPages && rows.Count < InboxLimit; page++)
        {
            var result = await conversations.ListAsync(
                new ConversationQuery(filter.Status, filter.Channel, assignee, ConversationSort.Priority, cursor, postFilter ? PageSize : InboxLimit, VisibleTo: agent.Visibility),
                cancellationToken).ConfigureAwait(false);
            var items = unassignedOnly ? result.Items.Where(c => c.AssigneeId is null).ToList() : result.Items;
            var described = await DescribeAsync(items, cancellationToken).ConfigureAwait(false);
            rows.AddRange(filter.Emotion is { } emotion ? described.Where(r => r.Labels.Contains(emotion)) : described);
            if (result.NextCursor is null || !postFilter || !ConversationCursor.TryDecode(result.NextCursor, out cursor))
            {
                break;
            }
        }

        return rows.Count > InboxLimit ? rows[..InboxLimit] : rows;
    }

    /// <summary>Agents by id, for the assignee filter and names.</summary>
    public async Task<IReadOnlyList<(long Id, string Name)>> AgentsAsync(SignedInAgent agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var query = db.Agents.AsNoTracking();
        if (agent.Role == Desk.Agents.AgentRole.Lead && agent.TeamId is { } team)
        {
            query = query.Where(a => a.TeamId == team);
        }

        var agents = await query.OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. agents.Select(a => (a.Id, a.Name))];
    }

    /// <summary>The conversation if <paramref name="agent"/> may open it (the inbox's visibility rules); null otherwise.</summary>
    public async Task<Conversation?> ConversationAsync(SignedInAgent agent, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var conversation = await conversations.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (conversation is null || agent.Visibility is not { } visible || conversation.AssigneeId is null || conversation.AssigneeId == agent.Id)
        {
            return conversation;
        }

        var sameTeam = visible.TeamId is { } team && conversation.Assignee?.TeamId == team;
        return sameTeam ? conversation : null;
    }

    /// <summary>Replies below this score ask "Send anyway?": the agent's team's threshold, 50 without a team.</summary>
    public async Task<int> ReplyThresholdAsync(SignedInAgent agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (agent.TeamId is not { } team)
        {
            return DefaultThreshold;
        }

        var threshold = await db.Teams.AsNoTracking().Where(t => t.Id == team).Select(t => (int?)t.ReplyScoreThreshold)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return threshold ?? DefaultThreshold;
    }

    public const int DefaultThreshold = 50;

    /// <summary>
    /// The customer across channels: their conversations (newest first), how their messages felt over time and how
    /// often they wrote this week, and what they may need next (the customer insight rules, docs/decisions/0009).
    /// </summary>
    public async Task<CustomerHistory> CustomerHistoryAsync(long customerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One read: the insight already loads the customer's conversations and readings (bounded), so the panel's
        // history, trend and weekly count come from it rather than from queries of their own.
        var insight = await customers.GetInsightAsync(customerId, cancellationToken).ConfigureAwait(false);
        if (insight is null)
        {
            return new CustomerHistory([], [], 0, [], "unknown", 0);
        }

        var weekAgo = now - TimeSpan.FromDays(7);
        var items = insight.History
            .Take(HistoryLimit)
            .Select(c => new CustomerConversation(c.ConversationId, c.Subject, c.Channel, c.Status, c.CreatedAt))
            .ToList();
        var trend = insight.Trend.Points
            .TakeLast(TrendLimit)
            .Select(p => new FeelingPoint(p.At, p.Valence, p.TopEmotion == "neutral" ? null : p.TopEmotion))
            .ToList();
        var thisWeek = insight.History.Count(c => c.CreatedAt >= weekAgo);
        return new CustomerHistory(items, trend, thisWeek, insight.NeedsNext, insight.Trend.Summary, insight.RepeatContacts);
    }

    private const int HistoryLimit = 20;
    private const int TrendLimit = 40;

    private async Task<IReadOnlyList<InboxRow>> DescribeAsync(IReadOnlyList<Conversation> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var ids = items.Select(c => c.Id).ToList();
        var latestIds = await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.ConversationId))
            .GroupBy(m => m.ConversationId)
            .Select(g => g.Max(m => m.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var latestCustomerIds = await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.ConversationId) && m.Author == MessageAuthor.Customer)
            .GroupBy(m => m.ConversationId)
            .Select(g => g.Max(m => m.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var latest = await db.Messages.AsNoTracking()
            .Where(m => latestIds.Contains(m.Id))
            .Select(m => new { m.ConversationId, m.Author, m.Body })
            .ToDictionaryAsync(m => m.ConversationId, cancellationToken).ConfigureAwait(false);
        var labels = await db.Messages.AsNoTracking()
            .Where(m => latestCustomerIds.Contains(m.Id) && m.Reading != null)
            .Select(m => new { m.ConversationId, m.Reading!.Labels })
            .ToDictionaryAsync(m => m.ConversationId, m => m.Labels, cancellationToken).ConfigureAwait(false);
        var assigneeIds = items.Where(c => c.AssigneeId is not null).Select(c => c.AssigneeId!.Value).Distinct().ToList();
        var names = await db.Agents.AsNoTracking().Where(a => assigneeIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken).ConfigureAwait(false);
        var clocks = await sla.StatesAsync(ids, cancellationToken).ConfigureAwait(false);

        return [.. items.Select(c =>
        {
            var last = latest.GetValueOrDefault(c.Id);
            return new InboxRow(
                c.Id,
                c.Customer?.Name ?? "Unknown customer",
                c.Channel,
                c.Subject,
                c.Status,
                labels.TryGetValue(c.Id, out var l) ? [.. l.Where(x => x != "neutral").OrderBy(EmotionStyle.Rank)] : [],
                c.Priority,
                c.PriorityReason,
                c.WaitingSince,
                c.AssigneeId is { } a ? names.GetValueOrDefault(a) : null,
                last?.Author,
                last is null ? null : Snippet(last.Body),
                clocks.GetValueOrDefault(c.Id));
        })];
    }

    private static string Snippet(string body)
    {
        var flat = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= SnippetLength ? flat : string.Concat(flat.AsSpan(0, SnippetLength - 1), "\u2026");
    }
}

/// <summary>One of the customer's conversations.</summary>
public sealed record CustomerConversation(long Id, string Subject, Channel Channel, ConversationStatus Status, DateTimeOffset CreatedAt);

/// <summary>How one customer message felt: valence in [-1, 1] and its most pressing label (null: neutral).</summary>
public sealed record FeelingPoint(DateTimeOffset At, double Valence, string? Label);

/// <summary>The customer panel's data.</summary>
public sealed record CustomerHistory(
    IReadOnlyList<CustomerConversation> Conversations,
    IReadOnlyList<FeelingPoint> Trend,
    int ContactsThisWeek,
    IReadOnlyList<NextStep> NeedsNext,
    string TrendSummary,
    int RepeatContacts30Days);
