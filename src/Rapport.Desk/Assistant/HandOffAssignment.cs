using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Agents;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;
using Rapport.Desk.Sla;

namespace Rapport.Desk.Assistant;

/// <summary>
/// Chooses who takes a handed-off conversation (docs/assistant.md, "Assignment"): among the agents and leads of the
/// hand-off team (every team when none is configured), those whose team is open now (business hours; everyone when no
/// team is open), the one with the lightest load, where each open or pending conversation already assigned to them
/// counts 1 plus its priority / 100, so an agent already holding upset customers is passed over for one with calmer
/// work. Ties: fewer conversations, then the lower id. Admins are chosen only when the desk has no agent or lead.
/// </summary>
internal static class HandOffAssignment
{
    public static async Task<(Agent? Agent, string Rule)> ChooseAsync(RapportDbContext db, string? teamName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agents = await db.Agents.AsNoTracking().Include(a => a.Team).ToListAsync(cancellationToken).ConfigureAwait(false);
        var pool = agents.Where(a => a.Role != AgentRole.Admin).ToList();
        var scope = "all agents";
        if (!string.IsNullOrWhiteSpace(teamName))
        {
            var team = pool.Where(a => string.Equals(a.Team?.Name, teamName.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (team.Count > 0)
            {
                pool = team;
                scope = $"the agents of {team[0].Team!.Name}";
            }
            else
            {
                scope = $"all agents ({teamName.Trim()} has none)";
            }
        }

        if (pool.Count == 0)
        {
            pool = agents;
            scope = "the admins (the desk has no agent or lead)";
        }

        if (pool.Count == 0)
        {
            return (null, "Not assigned: the desk has no agents. It waits unassigned in the inbox, ordered by priority.");
        }

        var calendars = await SlaCalendars.LoadAsync(db, pool.Select(a => a.TeamId), cancellationToken).ConfigureAwait(false);
        var onDuty = pool.Where(a => SlaCalendars.For(calendars, a.TeamId).IsOpen(now)).ToList();
        var duty = $"{onDuty.Count} on duty now";
        if (onDuty.Count == 0)
        {
            onDuty = pool;
            duty = $"none of the {pool.Count} on duty now, so all of them";
        }

        var ids = onDuty.Select(a => a.Id).ToList();
        var open = await db.Conversations.AsNoTracking()
            .Where(c => c.AssigneeId != null && ids.Contains(c.AssigneeId.Value) && (c.Status == ConversationStatus.Open || c.Status == ConversationStatus.Pending))
            .Select(c => new { AgentId = c.AssigneeId!.Value, c.Priority })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var loads = onDuty
            .Select(a =>
            {
                var theirs = open.Where(c => c.AgentId == a.Id).ToList();
                return (Agent: a, Count: theirs.Count, Load: theirs.Sum(c => 1 + (c.Priority / 100)));
            })
            .OrderBy(l => l.Load).ThenBy(l => l.Count).ThenBy(l => l.Agent.Id)
            .ToList();
        var chosen = loads[0];
        var rule = string.Create(CultureInfo.InvariantCulture,
            $"Assigned to {chosen.Agent.Name}: the lightest load among {scope} ({duty}), counting each open conversation as 1 + priority/100 ({chosen.Count} open, load {chosen.Load:0.00}).");
        return (chosen.Agent, rule);
    }
}
