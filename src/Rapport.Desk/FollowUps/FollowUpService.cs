using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;
using Rapport.Desk.Scheduling;

namespace Rapport.Desk.FollowUps;

/// <summary>Follow-ups in the API: the list (a lead's review queue), the review that lets a check-in go on, team delays.</summary>
public sealed class FollowUpService(RapportDbContext db, TimeProvider time, IOptions<FollowUpOptions> options)
{
    public const int MaxListed = 500;

    /// <summary>Follow-ups by state, kind and conversation, newest first.</summary>
    public async Task<IReadOnlyList<FollowUp>> ListAsync(FollowUpState? state, FollowUpKind? kind, long? conversationId, ConversationVisibility? visibleTo, CancellationToken cancellationToken)
    {
        var query = db.FollowUps.AsNoTracking();
        if (visibleTo is { } visible)
        {
            var agent = visible.AgentId;
            query = visible.TeamId is { } leadTeam
                ? query.Where(f => db.Conversations.Any(c => c.Id == f.ConversationId && (c.AssigneeId == null || c.AssigneeId == agent || (c.Assignee != null && c.Assignee.TeamId == leadTeam))))
                : query.Where(f => db.Conversations.Any(c => c.Id == f.ConversationId && c.AssigneeId == agent));
        }

        if (state is { } s)
        {
            query = query.Where(f => f.State == s);
        }

        if (kind is { } k)
        {
            query = query.Where(f => f.Kind == k);
        }

        if (conversationId is { } c)
        {
            query = query.Where(f => f.ConversationId == c);
        }

        return await query.OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id).Take(MaxListed).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The team of the agent assigned to the follow-up's conversation; <c>Found</c> false when there is no such follow-up.</summary>
    public async Task<(bool Found, long? AssigneeId, long? TeamId)> OwnerAsync(long id, CancellationToken cancellationToken)
    {
        var owner = await db.FollowUps.AsNoTracking().Where(f => f.Id == id)
            .Select(f => new { Conversation = db.Conversations.Where(c => c.Id == f.ConversationId).Select(c => new { c.AssigneeId, TeamId = c.Assignee == null ? null : c.Assignee.TeamId }).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return owner is null ? (false, null, null) : (true, owner.Conversation?.AssigneeId, owner.Conversation?.TeamId);
    }

    /// <summary>
    /// A lead has reviewed an upset customer's follow-up: the check-in goes on at its due time (at once if that passed).
    /// </summary>
    /// <returns>The follow-up, or null when there is none with <paramref name="id"/>.</returns>
    /// <exception cref="DeskValidationException">It is not waiting for a review, or the agent does not exist.</exception>
    public async Task<FollowUp?> MarkReviewedAsync(long id, long? agentId, string? note, CancellationToken cancellationToken)
    {
        var followUp = await db.FollowUps.FirstOrDefaultAsync(f => f.Id == id, cancellationToken).ConfigureAwait(false);
        if (followUp is null)
        {
            return null;
        }

        if (followUp.State != FollowUpState.NeedsReview)
        {
            throw new DeskValidationException("state", $"Follow-up {id} is {FollowUpNames.State(followUp.State)}; only a follow-up in needsReview can be reviewed.");
        }

        if (agentId is { } agent && !await db.Agents.AnyAsync(a => a.Id == agent, cancellationToken).ConfigureAwait(false))
        {
            throw new DeskValidationException("agentId", $"There is no agent {agent}.");
        }

        var now = time.GetUtcNow();
        followUp.State = FollowUpState.Scheduled;
        followUp.ReviewedAt = now;
        followUp.ReviewedBy = agentId;
        followUp.ReviewNote = note;
        followUp.DueAt = followUp.DueAt > now ? followUp.DueAt : now;
        await DueWorkSchedule.ScheduleAsync(db, FollowUpCheckHandler.WorkKind, followUp.ConversationId, followUp.DueAt, now, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return followUp;
    }

    /// <summary>The team's delays (its own or the defaults); Found is false when the team does not exist.</summary>
    public async Task<(bool Found, int FollowUpAfterHours, int QuietAfterHours, bool Custom)> GetSettingsAsync(long teamId, CancellationToken cancellationToken)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken).ConfigureAwait(false))
        {
            return (false, 0, 0, false);
        }

        var settings = await db.TeamFollowUpSettings.AsNoTracking().FirstOrDefaultAsync(s => s.TeamId == teamId, cancellationToken).ConfigureAwait(false);
        return settings is null
            ? (true, options.Value.FollowUpAfterHours, options.Value.QuietAfterHours, false)
            : (true, settings.FollowUpAfterHours, settings.QuietAfterHours, true);
    }

    /// <summary>Sets the team's delays; they apply to follow-ups scheduled from now. Null when the team does not exist.</summary>
    public async Task<TeamFollowUpSettings?> SaveSettingsAsync(long teamId, int followUpAfterHours, int quietAfterHours, CancellationToken cancellationToken)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var settings = await db.TeamFollowUpSettings.FirstOrDefaultAsync(s => s.TeamId == teamId, cancellationToken).ConfigureAwait(false);
        if (settings is null)
        {
            settings = new TeamFollowUpSettings { TeamId = teamId };
            db.TeamFollowUpSettings.Add(settings);
        }

        settings.FollowUpAfterHours = followUpAfterHours;
        settings.QuietAfterHours = quietAfterHours;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return settings;
    }
}

/// <summary>The API's names for follow-up kinds and states (camelCase, as <c>?state=needsReview</c>).</summary>
public static class FollowUpNames
{
    public static string State(FollowUpState state) => JsonNamingPolicyCamel(state.ToString());

    public static string Kind(FollowUpKind kind) => JsonNamingPolicyCamel(kind.ToString());

    private static string JsonNamingPolicyCamel(string name) => string.Concat(name[..1].ToLowerInvariant(), name.AsSpan(1));
}
