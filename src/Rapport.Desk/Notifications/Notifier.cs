using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Agents;
using Rapport.Desk.Data;

namespace Rapport.Desk.Notifications;

/// <summary>
/// Adds notifications to the caller's context without saving, so they commit with the change that caused them (the
/// sweeper's batch). Skips a recipient who already has one with the same key (tracked or stored), so it is idempotent.
/// Keeps the leads of each team it looked up for the rest of its scope (one per sweep batch).
/// </summary>
public sealed class Notifier
{
    private readonly Dictionary<long, IReadOnlyList<long>> _leadsByTeam = [];
    private IReadOnlyList<long>? _allLeads;

    /// <summary>The key of the SLA alert of one clock (a conversation's clock is known by when its waiting started).</summary>
    public static string SlaKey(NotificationKind kind, long conversationId, DateTimeOffset clockStartedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{(kind == NotificationKind.SlaBreach ? "sla.breach" : "sla.warning")}:{conversationId}:{clockStartedAt.ToUnixTimeMilliseconds()}");

    public static string PromiseKey(NotificationKind kind, long promiseId) =>
        string.Create(CultureInfo.InvariantCulture, $"{(kind == NotificationKind.PromiseBroken ? "promise.broken" : "promise.reminder")}:{promiseId}");

    /// <summary>
    /// The leads of <paramref name="teamId"/>; for no team (an unassigned conversation, which every lead sees in the
    /// inbox) the leads of every team.
    /// </summary>
    public async Task<IReadOnlyList<long>> LeadsAsync(RapportDbContext db, long? teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (teamId is not { } team)
        {
            return _allLeads ??= await db.Agents.AsNoTracking().Where(a => a.Role == AgentRole.Lead)
                .Select(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!_leadsByTeam.TryGetValue(team, out var leads))
        {
            leads = await db.Agents.AsNoTracking().Where(a => a.Role == AgentRole.Lead && a.TeamId == team)
                .Select(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            _leadsByTeam[team] = leads;
        }

        return leads;
    }

    /// <summary>The team of an agent (null for none or an unknown agent).</summary>
    public static async Task<long?> TeamOfAsync(RapportDbContext db, long? agentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return agentId is { } id
            ? await db.Agents.AsNoTracking().Where(a => a.Id == id).Select(a => a.TeamId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>Adds one notification per distinct recipient that has none with <paramref name="key"/> yet.</summary>
    /// <returns>How many were added.</returns>
    public static async Task<int> AddAsync(
        RapportDbContext db, IEnumerable<long?> recipients, NotificationKind kind, string key, long conversationId, long? promiseId,
        DateTimeOffset dueAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var to = recipients.OfType<long>().Distinct().ToList();
        if (to.Count == 0)
        {
            return 0;
        }

        var told = db.ChangeTracker.Entries<Notification>().Where(e => e.Entity.Key == key).Select(e => e.Entity.AgentId).ToHashSet();
        told.UnionWith(await db.Notifications.AsNoTracking().Where(n => n.Key == key && to.Contains(n.AgentId))
            .Select(n => n.AgentId).ToListAsync(cancellationToken).ConfigureAwait(false));
        var added = 0;
        foreach (var agent in to.Where(a => !told.Contains(a)))
        {
            db.Notifications.Add(new Notification
            {
                AgentId = agent,
                Kind = kind,
                Key = key,
                ConversationId = conversationId,
                PromiseId = promiseId,
                DueAt = dueAt.ToUniversalTime(),
                CreatedAt = now.ToUniversalTime(),
            });
            added++;
        }

        return added;
    }
}
