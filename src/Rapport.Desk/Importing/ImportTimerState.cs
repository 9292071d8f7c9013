using Microsoft.EntityFrameworkCore;
using Rapport.Core.Sla;
using Rapport.Desk.Data;
using Rapport.Desk.FollowUps;
using Rapport.Desk.Promises;
using Rapport.Desk.Scheduling;
using Rapport.Desk.Sla;

namespace Rapport.Desk.Importing;

/// <summary>
/// What one import batch's timers need from the database, in a few queries for the whole batch (none per
/// conversation): the clocks, active follow-ups and pending due work of the stored conversations it continues (tracked,
/// since the batch moves or ends them), the teams of their assignees and of the replying agents, those teams' calendars
/// and quiet-customer delays.
/// </summary>
internal sealed class ImportTimerState
{
    /// <summary>The due-work kinds whose subject is a conversation and that an import may start, move or end.</summary>
    private static readonly string[] Kinds =
        [SlaCheckHandler.WorkKind, PromiseCheckHandler.WorkKind, FollowUpQuietHandler.WorkKind, FollowUpCheckHandler.WorkKind];

    private readonly Dictionary<long, long?> _agentTeams;
    private readonly Dictionary<long, BusinessCalendar> _calendars;
    private readonly Dictionary<long, int> _quietHours;
    private readonly int _defaultQuietHours;

    private ImportTimerState(
        Dictionary<long, SlaClock> clocks, ILookup<long, FollowUp> followUps, ImportDueWork dueWork, Dictionary<long, long?> agentTeams,
        Dictionary<long, BusinessCalendar> calendars, Dictionary<long, int> quietHours, int defaultQuietHours)
    {
        Clocks = clocks;
        FollowUps = followUps;
        DueWork = dueWork;
        _agentTeams = agentTeams;
        _calendars = calendars;
        _quietHours = quietHours;
        _defaultQuietHours = defaultQuietHours;
    }

    /// <summary>The running clocks of the stored conversations (tracked).</summary>
    public Dictionary<long, SlaClock> Clocks { get; }

    /// <summary>The active follow-ups of the stored conversations (tracked), by conversation.</summary>
    public ILookup<long, FollowUp> FollowUps { get; }

    public ImportDueWork DueWork { get; }

    public static async Task<ImportTimerState> LoadAsync(
        RapportDbContext db, ImportBatchContext context, FollowUpOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = context.Conversations.Where(c => !c.Created).Select(c => c.Entity.Id).ToList();
        var clocks = new Dictionary<long, SlaClock>();
        var followUps = new List<FollowUp>();
        var pending = new Dictionary<(string, long), DueWork>();
        if (stored.Count > 0)
        {
            clocks = await db.SlaClocks.Where(k => EF.Parameter(stored).Contains(k.ConversationId))
                .ToDictionaryAsync(k => k.ConversationId, cancellationToken).ConfigureAwait(false);
            followUps = await db.FollowUps
                .Where(f => EF.Parameter(stored).Contains(f.ConversationId)
                    && (f.State == FollowUpState.Scheduled || f.State == FollowUpState.NeedsReview || f.State == FollowUpState.Reminded))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var kinds = Kinds;
            foreach (var row in await db.DueWork.Where(w => w.DoneAt == null && EF.Parameter(stored).Contains(w.SubjectId) && EF.Parameter(kinds).Contains(w.Kind))
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                pending.TryAdd((row.Kind, row.SubjectId), row);
            }
        }

        // The teams: of the stored conversations' assignees (their clocks' calendars and quiet delays) and of the
        // replying agents (the time zone their promises are read in).
        var agentTeams = new Dictionary<long, long?>(context.AgentTeams);
        var assignees = context.Conversations.Select(c => c.Entity.AssigneeId).OfType<long>().Where(a => !agentTeams.ContainsKey(a)).Distinct().ToList();
        if (assignees.Count > 0)
        {
            foreach (var agent in await db.Agents.AsNoTracking().Where(a => EF.Parameter(assignees).Contains(a.Id)).Select(a => new { a.Id, a.TeamId })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                agentTeams[agent.Id] = agent.TeamId;
            }
        }

        var teams = agentTeams.Values.OfType<long>().Concat(clocks.Values.Select(k => k.TeamId).OfType<long>()).Distinct().ToList();
        var calendars = await SlaCalendars.LoadAsync(db, teams.Select(t => (long?)t), cancellationToken).ConfigureAwait(false);
        var quietHours = teams.Count == 0
            ? []
            : await db.TeamFollowUpSettings.AsNoTracking().Where(s => EF.Parameter(teams).Contains(s.TeamId))
                .ToDictionaryAsync(s => s.TeamId, s => s.QuietAfterHours, cancellationToken).ConfigureAwait(false);
        return new ImportTimerState(
            clocks, followUps.ToLookup(f => f.ConversationId), new ImportDueWork(db, pending, now), agentTeams, calendars, quietHours, options.QuietAfterHours);
    }

    /// <summary>The team of an agent (an assignee or a replying agent), or null.</summary>
    public long? TeamOf(long? agentId) => agentId is { } id && _agentTeams.TryGetValue(id, out var team) ? team : null;

    /// <summary>The calendar clocks of <paramref name="teamId"/> run on (around the clock without a team or hours).</summary>
    public BusinessCalendar Calendar(long? teamId) => SlaCalendars.For(_calendars, teamId);

    /// <summary>The time zone an agent's promises are read in: their team's (its SLA hours), else UTC, as the live ledger.</summary>
    public TimeZoneInfo ZoneOf(long? agentId) =>
        TeamOf(agentId) is { } team && _calendars.TryGetValue(team, out var calendar) ? calendar.Zone : TimeZoneInfo.Utc;

    /// <summary>The quiet-customer delay of the assignee's team, else the default (<see cref="FollowUpOptions"/>).</summary>
    public TimeSpan QuietAfter(long? assigneeId) =>
        TimeSpan.FromHours(TeamOf(assigneeId) is { } team && _quietHours.TryGetValue(team, out var hours) ? hours : _defaultQuietHours);
}
