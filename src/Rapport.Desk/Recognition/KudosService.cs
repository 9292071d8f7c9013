using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Agents;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;

namespace Rapport.Desk.Recognition;

/// <summary>Kudos: given by leads and peers, created when a lead accepts a suggestion, listed newest first for a team's wall.</summary>
public sealed class KudosService(RapportDbContext db, TimeProvider time)
{
    /// <summary>The most kudos one wall listing returns.</summary>
    public const int MaxListed = 100;

    /// <summary>
    /// Gives kudos to <paramref name="agentId"/>. The source is <see cref="KudosSource.Lead"/> when the giver is a lead or
    /// an admin, <see cref="KudosSource.Peer"/> otherwise. When <paramref name="messageId"/> is given it must be one of the
    /// agent's replies (its conversation is then implied).
    /// </summary>
    /// <exception cref="DeskValidationException">An id refers to nothing, the reply is not the agent's, or the giver is the agent.</exception>
    public async Task<Kudos> GiveAsync(long agentId, long fromAgentId, string message, long? conversationId, long? messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        if (!await db.Agents.AnyAsync(a => a.Id == agentId, cancellationToken).ConfigureAwait(false))
        {
            throw new DeskValidationException("agentId", $"There is no agent with id {agentId}.");
        }

        var from = await db.Agents.AsNoTracking().Where(a => a.Id == fromAgentId).Select(a => new { a.Role }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new DeskValidationException("fromAgentId", $"There is no agent with id {fromAgentId}.");
        if (fromAgentId == agentId)
        {
            throw new DeskValidationException("agentId", "Kudos are for someone else: an agent cannot give kudos to themselves.");
        }

        if (messageId is { } replyId)
        {
            var reply = await db.Messages.AsNoTracking().Where(m => m.Id == replyId)
                .Select(m => new { m.ConversationId, m.Author, m.AgentId })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new DeskValidationException("messageId", $"There is no message with id {replyId}.");
            if (reply.Author != MessageAuthor.Agent || reply.AgentId != agentId)
            {
                throw new DeskValidationException("messageId", $"Message {replyId} is not a reply by agent {agentId}.");
            }

            if (conversationId is { } c && c != reply.ConversationId)
            {
                throw new DeskValidationException("messageId", $"Message {replyId} is not in conversation {c}.");
            }

            conversationId = reply.ConversationId;
        }
        else if (conversationId is { } c && !await db.Conversations.AnyAsync(x => x.Id == c, cancellationToken).ConfigureAwait(false))
        {
            throw new DeskValidationException("conversationId", $"There is no conversation with id {c}.");
        }

        var kudos = new Kudos
        {
            AgentId = agentId,
            FromAgentId = fromAgentId,
            Source = from.Role == AgentRole.Agent ? KudosSource.Peer : KudosSource.Lead,
            ConversationId = conversationId,
            MessageId = messageId,
            Message = message.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        db.Kudos.Add(kudos);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return kudos;
    }

    /// <summary>
    /// Accepts (a kudos is created, from <paramref name="decidedById"/>, with <paramref name="note"/> or a note made from
    /// the evidence) or dismisses a suggestion. A suggestion is decided once: a second decision, also a racing one, is
    /// <see cref="KudosDecisionOutcome.AlreadyDecided"/> and changes nothing.
    /// </summary>
    public async Task<KudosDecision> DecideAsync(KudosSuggestion suggestion, bool accept, long? decidedById, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        if (await db.KudosSuggestionDecisions.AnyAsync(
                d => d.MessageId == suggestion.MessageId || (d.ConversationId == suggestion.ConversationId && d.AgentId == suggestion.AgentId),
                cancellationToken).ConfigureAwait(false))
        {
            return new KudosDecision(KudosDecisionOutcome.AlreadyDecided, null);
        }

        var now = time.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                var decision = new KudosSuggestionDecision
                {
                    MessageId = suggestion.MessageId,
                    ConversationId = suggestion.ConversationId,
                    AgentId = suggestion.AgentId,
                    Accepted = accept,
                    DecidedById = decidedById,
                    DecidedAt = now,
                };

                // The decision is written first: its keys settle a race before any kudos exists.
                db.KudosSuggestionDecisions.Add(decision);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                Kudos? kudos = null;
                if (accept)
                {
                    kudos = new Kudos
                    {
                        AgentId = suggestion.AgentId,
                        FromAgentId = decidedById,
                        Source = KudosSource.SuggestedAccepted,
                        ConversationId = suggestion.ConversationId,
                        MessageId = suggestion.MessageId,
                        SurveyId = suggestion.SurveyId,
                        Message = string.IsNullOrWhiteSpace(note) ? NoteFrom(suggestion) : note.Trim(),
                        CreatedAt = now,
                    };
                    db.Kudos.Add(kudos);
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                    decision.KudosId = kudos.Id;
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return new KudosDecision(accept ? KudosDecisionOutcome.Accepted : KudosDecisionOutcome.Dismissed, kudos);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another decision on the same suggestion committed first: its keys refused this one.
            db.ChangeTracker.Clear();
            if (await db.KudosSuggestionDecisions.AnyAsync(
                    d => d.MessageId == suggestion.MessageId || (d.ConversationId == suggestion.ConversationId && d.AgentId == suggestion.AgentId),
                    cancellationToken).ConfigureAwait(false))
            {
                return new KudosDecision(KudosDecisionOutcome.AlreadyDecided, null);
            }

            throw;
        }
    }

    /// <summary>The wall: kudos for <paramref name="agentIds"/>, newest first, with names and the quoted reply.</summary>
    public async Task<IReadOnlyList<KudosCard>> ListAsync(IReadOnlyCollection<long> agentIds, CancellationToken cancellationToken)
    {
        if (agentIds.Count == 0)
        {
            return [];
        }

        var ids = agentIds.ToList();
        var rows = await db.Kudos.AsNoTracking()
            .Where(k => ids.Contains(k.AgentId))
            .OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
            .Take(MaxListed)
            .Select(k => new
            {
                Kudos = k,
                Agent = db.Agents.Where(a => a.Id == k.AgentId).Select(a => new { a.Name, a.TeamId }).First(),
                From = db.Agents.Where(a => a.Id == k.FromAgentId).Select(a => a.Name).FirstOrDefault(),
                Subject = db.Conversations.Where(c => c.Id == k.ConversationId).Select(c => c.Subject).FirstOrDefault(),
                Reply = db.Messages.Where(m => m.Id == k.MessageId).Select(m => m.Body).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new KudosCard(r.Kudos, r.Agent.Name, r.Agent.TeamId, r.From, r.Subject, r.Reply is null ? null : KudosSuggestions.Quote(r.Reply)))];
    }

    // The note an accepted suggestion carries when the lead wrote none: the customer's own words when there are some.
    private static string NoteFrom(KudosSuggestion suggestion)
    {
        var text = suggestion.Praise is { } praise
            ? $"The customer said: “{praise.Sentence}”"
            : $"The customer rated this conversation 5 of 5 after a reply that scored {suggestion.Score}.";
        return text.Length <= Kudos.MaxMessageLength ? text : string.Concat(text.AsSpan(0, Kudos.MaxMessageLength - 2), "…”");
    }
}
