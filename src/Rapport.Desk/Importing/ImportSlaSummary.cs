using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Data;
using Rapport.Desk.Notifications;

namespace Rapport.Desk.Importing;

/// <summary>
/// Tells of the conversations an import brought in already past their SLA with one notification per team and recipient
/// ("Import: 37 conversations already past their SLA") instead of one per conversation, which would bury every other
/// notification under an archive's backlog. The recipients are those a breach tells (docs/notifications.md): the leads of
/// the clock's team, every lead when it has none (unassigned, as imported conversations are), and the assignee. While a
/// recipient has not read their summary for that team, later batches and requests (the CLI sends a file in chunks) add
/// to its count instead of adding another; it points at the conversation that has been overdue longest.
/// </summary>
internal static class ImportSlaSummary
{
    private const string KeyPrefix = "import.sla:";

    /// <summary>A conversation the import found already past its SLA.</summary>
    public readonly record struct Late(long ConversationId, long? TeamId, long? AssigneeId, DateTimeOffset DueAt);

    /// <summary>Adds (or grows) the summaries on <paramref name="db"/>, without saving: they commit with the batch.</summary>
    /// <returns>How many summaries were added (not counting those that grew).</returns>
    public static async Task<int> AddAsync(RapportDbContext db, Notifier notifier, IReadOnlyList<Late> late, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (late.Count == 0)
        {
            return 0;
        }

        var tally = new Dictionary<(long Agent, long? Team), (int Count, Late Oldest)>();
        foreach (var team in late.GroupBy(l => l.TeamId))
        {
            var leads = await notifier.LeadsAsync(db, team.Key, cancellationToken).ConfigureAwait(false);
            foreach (var conversation in team)
            {
                foreach (var agent in leads.Select(l => (long?)l).Append(conversation.AssigneeId).OfType<long>().Distinct())
                {
                    tally[(agent, team.Key)] = tally.TryGetValue((agent, team.Key), out var t)
                        ? (t.Count + 1, conversation.DueAt < t.Oldest.DueAt ? conversation : t.Oldest)
                        : (1, conversation);
                }
            }
        }

        if (tally.Count == 0)
        {
            return 0;
        }

        var agents = tally.Keys.Select(k => k.Agent).Distinct().ToList();
        var unread = await db.Notifications
            .Where(n => n.Kind == NotificationKind.ImportSlaBreached && n.ReadAt == null && EF.Parameter(agents).Contains(n.AgentId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var added = 0;
        foreach (var ((agent, team), (count, oldest)) in tally)
        {
            var prefix = KeyPrefix + (team is { } id ? id.ToString(CultureInfo.InvariantCulture) : "none") + ":";
            var summary = unread.FirstOrDefault(n => n.AgentId == agent && n.Key.StartsWith(prefix, StringComparison.Ordinal));
            if (summary is null)
            {
                // The key only has to be unique per recipient: idempotence comes from the clocks (a re-import starts none).
                db.Notifications.Add(new Notification
                {
                    AgentId = agent,
                    Kind = NotificationKind.ImportSlaBreached,
                    Key = prefix + Guid.NewGuid().ToString("N"),
                    ConversationId = oldest.ConversationId,
                    Count = count,
                    DueAt = oldest.DueAt.ToUniversalTime(),
                    CreatedAt = now.ToUniversalTime(),
                });
                added++;
                continue;
            }

            summary.Count = (summary.Count ?? 0) + count;
            if (oldest.DueAt < summary.DueAt)
            {
                summary.ConversationId = oldest.ConversationId;
                summary.DueAt = oldest.DueAt.ToUniversalTime();
            }
        }

        return added;
    }
}
