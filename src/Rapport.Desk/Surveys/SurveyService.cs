using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Core.Emotions;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;

namespace Rapport.Desk.Surveys;

/// <summary>
/// Feedback surveys: created for a resolved or closed conversation (by the API now, by the follow-up job later),
/// opened and answered once through their public token, listed per conversation and summarised per agent.
/// </summary>
public sealed class SurveyService(RapportDbContext db, TimeProvider time, IOptions<SurveyOptions> options)
{
    /// <summary>The most surveys one conversation listing returns.</summary>
    public const int MaxListed = 100;

    /// <summary>
    /// Creates a survey for the conversation with a new token, valid for <see cref="SurveyOptions.Lifetime"/>. Each call
    /// makes a new survey; earlier ones stay valid until they expire.
    /// </summary>
    /// <returns>The survey and the only copy of its token, or null when there is no conversation <paramref name="conversationId"/>.</returns>
    /// <exception cref="DeskValidationException">The conversation is not resolved or closed.</exception>
    public async Task<CreatedSurvey?> CreateAsync(long conversationId, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Select(c => new { c.Status, c.AssigneeId })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            return null;
        }

        if (conversation.Status is not (ConversationStatus.Resolved or ConversationStatus.Closed))
        {
            throw new DeskValidationException("status", $"Conversation {conversationId} is {conversation.Status.ToString().ToLowerInvariant()}; a survey is sent once it is resolved or closed.");
        }

        var token = SurveyTokens.NewToken();
        var now = time.GetUtcNow();
        var survey = new Survey
        {
            ConversationId = conversationId,
            AgentId = conversation.AssigneeId,
            TokenHash = SurveyTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + options.Value.Lifetime,
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new CreatedSurvey(survey, token);
    }

    /// <summary>What the public page shows for <paramref name="token"/>: the form, "already answered", expired or unknown.</summary>
    public async Task<SurveyPage> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        var survey = await FindAsync(token, cancellationToken).ConfigureAwait(false);
        if (survey is null)
        {
            return new SurveyPage(SurveyState.Unknown, null, null);
        }

        var about = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == survey.ConversationId)
            .Select(c => new { c.Subject, AgentName = db.Agents.Where(a => a.Id == survey.AgentId).Select(a => a.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return new SurveyPage(StateOf(survey), about?.Subject, FirstName(about?.AgentName));
    }

    /// <summary>
    /// Stores the answer with the comment's emotion reading, unless the token is unknown or expired or the survey was
    /// already answered (also when another submission wins a race: the response's key is the survey's id).
    /// </summary>
    public async Task<SurveyAnswerOutcome> AnswerAsync(string? token, SurveyAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var survey = await FindAsync(token, cancellationToken).ConfigureAwait(false);
        if (survey is null)
        {
            return SurveyAnswerOutcome.Unknown;
        }

        switch (StateOf(survey))
        {
            case SurveyState.Answered:
                return SurveyAnswerOutcome.AlreadyAnswered;
            case SurveyState.Expired:
                return SurveyAnswerOutcome.Expired;
        }

        var reading = answer.Comment is { } comment ? EmotionAnalyzer.Default.Analyze(comment) : null;
        var response = new SurveyResponse
        {
            SurveyId = survey.Id,
            ConversationId = survey.ConversationId,
            AgentId = survey.AgentId,
            Satisfaction = answer.Satisfaction,
            FeltUnderstood = answer.FeltUnderstood,
            Comment = answer.Comment,
            EngineVersion = reading is null ? null : EmotionAnalyzer.Version,
            CommentLabels = reading is null ? [] : [.. reading.Labels.Select(l => l.Name())],
            CommentValence = reading is null ? null : DeskJson.Round(reading.Valence),
            CommentIntensity = reading is null ? null : DeskJson.Round(reading.Intensity),
            AnsweredAt = time.GetUtcNow(),
        };
        db.SurveyResponses.Add(response);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another submission of the same form stored its answer first: the key refused this one.
            db.ChangeTracker.Clear();
            if (await db.SurveyResponses.AnyAsync(r => r.SurveyId == survey.Id, cancellationToken).ConfigureAwait(false))
            {
                return SurveyAnswerOutcome.AlreadyAnswered;
            }

            throw;
        }

        return SurveyAnswerOutcome.Stored;
    }

    /// <summary>The conversation's surveys with their answers, oldest first; null when the conversation is unknown.</summary>
    public async Task<IReadOnlyList<Survey>?> ListAsync(long conversationId, CancellationToken cancellationToken)
    {
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return await db.Surveys.AsNoTracking()
            .Include(s => s.Response)
            .Where(s => s.ConversationId == conversationId)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .Take(MaxListed)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How the agent's customers answered: counts and means; null when the agent is unknown.</summary>
    public async Task<AgentSurveySummary?> SummarizeAgentAsync(long agentId, CancellationToken cancellationToken)
    {
        if (!await db.Agents.AnyAsync(a => a.Id == agentId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var sent = await db.Surveys.CountAsync(s => s.AgentId == agentId, cancellationToken).ConfigureAwait(false);
        var totals = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.AgentId == agentId)
            .GroupBy(r => r.AgentId)
            .Select(g => new
            {
                Count = g.Count(),
                Satisfaction = g.Average(r => (double)r.Satisfaction),
                Understood = g.Average(r => (double)r.FeltUnderstood),
                Comments = g.Count(r => r.Comment != null),
            })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return totals is null
            ? new AgentSurveySummary(agentId, sent, 0, null, null, 0)
            : new AgentSurveySummary(agentId, sent, totals.Count, DeskJson.Round(totals.Satisfaction), DeskJson.Round(totals.Understood), totals.Comments);
    }

    /// <summary>Open, answered or expired, at the injected clock's now.</summary>
    public SurveyState StateOf(Survey survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return survey.Response is not null ? SurveyState.Answered
            : time.GetUtcNow() >= survey.ExpiresAt ? SurveyState.Expired
            : SurveyState.Open;
    }

    private async Task<Survey?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        // A tampered token is almost always malformed; a well-formed wrong one simply matches no hash.
        if (token is null || !SurveyTokens.IsWellFormed(token))
        {
            return null;
        }

        var hash = SurveyTokens.Hash(token);
        return await db.Surveys.AsNoTracking().Include(s => s.Response)
            .FirstOrDefaultAsync(s => s.TokenHash == hash, cancellationToken).ConfigureAwait(false);
    }

    private static string? FirstName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : name.Trim().Split(' ', 2)[0];
}

/// <summary>A survey just created, with the only copy of its token.</summary>
public sealed record CreatedSurvey(Survey Survey, string Token);

/// <summary>Whether a survey can be answered.</summary>
public enum SurveyState
{
    Unknown,
    Open,
    Answered,
    Expired,
}

/// <summary>What the public page needs: the state, the conversation's subject and the agent's first name (when known).</summary>
public sealed record SurveyPage(SurveyState State, string? Subject, string? AgentFirstName);

/// <summary>What happened to a submitted answer.</summary>
public enum SurveyAnswerOutcome
{
    Stored,
    Unknown,
    Expired,
    AlreadyAnswered,
}

/// <summary>An agent's survey figures: surveys sent, answered, mean ratings (null before any answer), answers with a comment.</summary>
public sealed record AgentSurveySummary(long AgentId, int Sent, int Answered, double? MeanSatisfaction, double? MeanFeltUnderstood, int WithComment);
