using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Data;

namespace Rapport.Desk.Agents;

/// <summary>Creates, reads and updates agents and teams.</summary>
public sealed class AgentService(RapportDbContext db)
{
    public async Task<(IReadOnlyList<Agent> Items, int Total)> ListAgentsAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await db.Agents.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await db.Agents.AsNoTracking().OrderBy(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (items, total);
    }

    public Task<Agent?> GetAgentAsync(long id, CancellationToken cancellationToken) =>
        db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>Creates the agent (<paramref name="id"/> null) or updates it; null when <paramref name="id"/> is unknown.</summary>
    public async Task<Agent?> SaveAgentAsync(long? id, AgentFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken).ConfigureAwait(false))
        {
            throw new DeskValidationException("teamId", $"There is no team {teamId}.");
        }

        if (await db.Agents.AnyAsync(a => a.Email == fields.Email && a.Id != id, cancellationToken).ConfigureAwait(false))
        {
            throw new DeskConflictException("email", $"Another agent already uses {fields.Email}.");
        }

        Agent? agent;
        if (id is { } existing)
        {
            agent = await db.Agents.FirstOrDefaultAsync(a => a.Id == existing, cancellationToken).ConfigureAwait(false);
            if (agent is null)
            {
                return null;
            }
        }
        else
        {
            agent = new Agent { Name = fields.Name, Email = fields.Email };
            db.Agents.Add(agent);
        }

        agent.Name = fields.Name;
        agent.Email = fields.Email;
        agent.TeamId = fields.TeamId;
        agent.Role = fields.Role;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return agent;
    }

    public async Task<IReadOnlyList<Team>> ListTeamsAsync(CancellationToken cancellationToken) =>
        await db.Teams.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken).ConfigureAwait(false);

    public Task<Team?> GetTeamAsync(long id, CancellationToken cancellationToken) =>
        db.Teams.AsNoTracking().Include(t => t.Agents).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>Creates the team (<paramref name="id"/> null) or renames it; null when <paramref name="id"/> is unknown.</summary>
    public async Task<Team?> SaveTeamAsync(long? id, string name, CancellationToken cancellationToken)
    {
        if (await db.Teams.AnyAsync(t => t.Name == name && t.Id != id, cancellationToken).ConfigureAwait(false))
        {
            throw new DeskConflictException("name", $"There is already a team called {name}.");
        }

        Team? team;
        if (id is { } existing)
        {
            team = await db.Teams.FirstOrDefaultAsync(t => t.Id == existing, cancellationToken).ConfigureAwait(false);
            if (team is null)
            {
                return null;
            }

            team.Name = name;
        }
        else
        {
            team = new Team { Name = name };
            db.Teams.Add(team);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return team;
    }
}

/// <summary>The editable fields of an agent (already validated).</summary>
public sealed record AgentFields(string Name, string Email, long? TeamId, AgentRole Role);
