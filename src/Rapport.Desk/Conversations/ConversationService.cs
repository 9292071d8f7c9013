using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rapport.Core.Coaching;
using Rapport.Core.Emotions;
using Rapport.Desk.Data;

namespace Rapport.Desk.Conversations;

/// <summary>
/// Conversations and their messages: every customer message is read by the engine, every agent reply reviewed, and
/// the conversation's priority recomputed.
/// </summary>
public sealed partial class ConversationService(
    RapportDbContext db, TimeProvider time, PriorityCalculator priority, ILogger<ConversationService> logger)
{
    /// <summary>The most notes one listing returns.</summary>
    public const int MaxNotes = 1000;

    public async Task<Conversation> StartAsync(NewConversation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Customers.AnyAsync(c => c.Id == request.CustomerId, cancellationToken).ConfigureAwait(false))
        {
            throw new DeskValidationException("customerId", $"There is no customer {request.CustomerId}.");
        }

        var conversation = new Conversation
        {
            CustomerId = request.CustomerId,
            Channel = request.Channel,
            Subject = request.Subject,
            Status = ConversationStatus.Open,
            // UTC always: PostgreSQL's timestamptz accepts only offset 0 from Npgsql.
            CreatedAt = request.CreatedAt?.ToUniversalTime() ?? time.GetUtcNow(),
            PriorityReason = "no messages yet",
            Labels = [.. request.Labels ?? []],
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return conversation;
    }

    /// <summary>The conversation with its customer, assignee, messages (with readings and reviews) and notes; null if unknown.</summary>
    public Task<Conversation?> GetAsync(long id, CancellationToken cancellationToken) =>
        db.Conversations.AsNoTracking()
            .Include(c => c.Customer)
            .Include(c => c.Assignee)
            .Include(c => c.Messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)).ThenInclude(m => m.Reading)
            .Include(c => c.Messages).ThenInclude(m => m.Review)
            .Include(c => c.Messages).ThenInclude(m => m.AssistantAnswer)
            .Include(c => c.HandOff).ThenInclude(h => h!.Agent)
            .Include(c => c.Notes.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id))
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>The conversation with its customer, without messages; null if unknown.</summary>
    public Task<Conversation?> GetSummaryAsync(long id, CancellationToken cancellationToken) =>
        db.Conversations.AsNoTracking().Include(c => c.Customer).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<ConversationPage> ListAsync(ConversationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var items = await ConversationInbox.Apply(db.Conversations.AsNoTracking().Include(c => c.Customer), query)
            .Take(query.Limit + 1)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (items.Count > query.Limit)
        {
            items.RemoveAt(items.Count - 1);
            next = ConversationInbox.CursorAfter(items[^1], query.Sort).Encode();
        }

        return new ConversationPage(items, next);
    }

    /// <returns>The conversation, or null when there is none with <paramref name="id"/>.</returns>
    public async Task<Conversation?> ChangeStatusAsync(long id, ConversationStatus status, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            return null;
        }

        if (conversation.Status == ConversationStatus.Closed && status != ConversationStatus.Closed)
        {
            // Closed means done for good; only the customer writing again reopens it (AddCustomerMessageAsync).
            throw new DeskValidationException("status", $"Conversation {id} is closed, and a closed conversation stays closed; a new customer message reopens it.");
        }

        conversation.Status = status;
        var done = status is ConversationStatus.Resolved or ConversationStatus.Closed;
        conversation.ResolvedAt = done ? conversation.ResolvedAt ?? time.GetUtcNow() : null;
        if (done)
        {
            // Nobody waits on a resolved conversation; a new customer message reopens it and starts the clock again.
            conversation.WaitingSince = null;
        }
        await RecomputePriorityAsync(conversation, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return conversation;
    }

    /// <summary>Assigns the conversation to <paramref name="agentId"/>, or unassigns it when null.</summary>
    public async Task<Conversation?> AssignAsync(long id, long? agentId, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            return null;
        }

        if (agentId is { } agent && !await db.Agents.AnyAsync(a => a.Id == agent, cancellationToken).ConfigureAwait(false))
        {
            throw new DeskValidationException("agentId", $"There is no agent {agent}.");
        }

        conversation.AssigneeId = agentId;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return conversation;
    }

    /// <summary>Replaces the conversation's labels (already normalised: <see cref="ConversationLabels"/>).</summary>
    /// <returns>The conversation, or null when there is none with <paramref name="id"/>.</returns>
    public async Task<Conversation?> SetLabelsAsync(long id, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var conversation = await db.Conversations.Include(c => c.Customer).FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            return null;
        }

        conversation.Labels = [.. labels];
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return conversation;
    }

    /// <summary>The conversation's internal notes, oldest first (at most <see cref="MaxNotes"/>); null when the conversation is unknown.</summary>
    public async Task<IReadOnlyList<Note>?> ListNotesAsync(long conversationId, CancellationToken cancellationToken)
    {
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return await db.Notes.AsNoTracking()
            .Where(n => n.ConversationId == conversationId)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Take(MaxNotes)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds an internal note (agents only see it; it does not change the priority).</summary>
    /// <returns>The stored note, or null when the conversation does not exist.</returns>
    public async Task<Note?> AddNoteAsync(long conversationId, NewNote request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        if (request.AgentId is { } agentId && !await db.Agents.AnyAsync(a => a.Id == agentId, cancellationToken).ConfigureAwait(false))
        {
            throw new DeskValidationException("agentId", $"There is no agent {agentId}.");
        }

        var note = new Note { ConversationId = conversationId, AgentId = request.AgentId, Body = request.Body, CreatedAt = time.GetUtcNow() };
        db.Notes.Add(note);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return note;
    }

    /// <summary>Stores an inbound customer message with its emotion reading and recomputes the priority.</summary>
    /// <returns>The stored message, or null when the conversation does not exist.</returns>
    public async Task<Message?> AddCustomerMessageAsync(long conversationId, NewMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            return null;
        }

        if (request.ExternalId is { } externalId
            && await db.Messages.AnyAsync(m => m.ExternalId == externalId, cancellationToken).ConfigureAwait(false))
        {
            throw new DeskConflictException("externalId", $"A message with external id '{externalId}' is already stored.");
        }

        var now = request.CreatedAt?.ToUniversalTime() ?? time.GetUtcNow();
        var reading = EmotionAnalyzer.Default.Analyze(request.Body);
        var message = new Message
        {
            ConversationId = conversation.Id,
            Author = MessageAuthor.Customer,
            Body = request.Body,
            Channel = request.Channel ?? conversation.Channel,
            CreatedAt = now,
            ExternalId = request.ExternalId,
            Reading = MessageReading.From(reading, request.Body),
        };
        db.Messages.Add(message);

        ConversationRules.OnCustomerMessage(conversation, now, message.Reading.EscalationRisk);

        await RecomputePriorityAsync(conversation, message.Reading, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        LogCustomerMessage(logger, message.Id, conversation.Id, conversation.Priority);
        return message;
    }

    /// <summary>
    /// Reviews an agent reply against the customer's latest messages; unless <paramref name="dryRun"/>, stores it with
    /// its review and recomputes the priority.
    /// </summary>
    /// <returns>The review (and the stored message), or null when the conversation does not exist.</returns>
    public async Task<AgentReplyResult?> AddAgentReplyAsync(long conversationId, AgentReply request, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var conversation = await db.Conversations.Include(c => c.Customer)
            .FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            return null;
        }

        var agent = request.AgentId is { } agentId
            ? await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agentId, cancellationToken).ConfigureAwait(false)
                ?? throw new DeskValidationException("agentId", $"There is no agent {agentId}.")
            : null;

        var customerMessages = await CustomerMessagesToAnswerAsync(conversation.Id, cancellationToken).ConfigureAwait(false);
        var context = new ReviewContext(customerMessages, conversation.Customer?.Name, agent?.Name);
        var review = EmpathyCoach.Default.Review(request.Body, context);
        if (dryRun)
        {
            return new AgentReplyResult(review, null);
        }

        var now = request.CreatedAt?.ToUniversalTime() ?? time.GetUtcNow();
        var message = new Message
        {
            ConversationId = conversation.Id,
            Author = MessageAuthor.Agent,
            AgentId = agent?.Id,
            Body = request.Body,
            Channel = conversation.Channel,
            CreatedAt = now,
            Review = MessageReview.From(review),
            SentBelowThreshold = request.SentBelowThreshold,
        };
        db.Messages.Add(message);
        ConversationRules.OnAgentReply(conversation, now);
        if (request.CreatedAt is null)
        {
            // Live replies only: a reply stored with a past time (demo seed, history) is not a commitment the desk can still keep.
            await Promises.PromiseLedger.RecordAsync(db, message, now, cancellationToken).ConfigureAwait(false);
        }

        await RecomputePriorityAsync(conversation, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        LogAgentReply(logger, message.Id, conversation.Id, review.Score);
        return new AgentReplyResult(review, message);
    }

    /// <summary>
    /// What a reply to the conversation would be reviewed against (the same context <see cref="AddAgentReplyAsync"/>
    /// uses), so the workspace's live coach can review drafts without a database round trip per keystroke.
    /// </summary>
    /// <returns>The context, or null when the conversation does not exist.</returns>
    public async Task<ReviewContext?> GetReviewContextAsync(long conversationId, string? agentName, CancellationToken cancellationToken)
    {
        var customerName = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Select(c => new { Name = c.Customer == null ? null : c.Customer.Name })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (customerName is null)
        {
            return null;
        }

        var customerMessages = await CustomerMessagesToAnswerAsync(conversationId, cancellationToken).ConfigureAwait(false);
        return new ReviewContext(customerMessages, customerName.Name, agentName);
    }

    private async Task<IReadOnlyList<string>> CustomerMessagesToAnswerAsync(long conversationId, CancellationToken cancellationToken)
    {
        var latest = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(ConversationRules.ReviewLookback)
            .Select(m => new { m.Author, m.Body })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return ConversationRules.CustomerMessagesToAnswer([.. latest.Select(m => (m.Author, m.Body))]);
    }

    private async Task RecomputePriorityAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        var latest = await db.MessageReadings.AsNoTracking()
            .Where(r => db.Messages.Any(m => m.Id == r.MessageId && m.ConversationId == conversation.Id))
            .OrderByDescending(r => r.MessageId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        await RecomputePriorityAsync(conversation, latest, cancellationToken).ConfigureAwait(false);
    }

    private async Task RecomputePriorityAsync(Conversation conversation, MessageReading? latest, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - PriorityCalculator.RepeatWindow;
        var others = await db.Conversations.AsNoTracking()
            .Where(c => c.CustomerId == conversation.CustomerId && c.Id != conversation.Id && c.CreatedAt >= since)
            .Select(c => c.CreatedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var tags = await db.Customers.AsNoTracking()
            .Where(c => c.Id == conversation.CustomerId)
            .Select(c => c.Tags)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? [];
        priority.Apply(conversation, latest, others, tags);
    }

    // Ids and figures only: message text is personal data and is never logged above Debug.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Customer message {MessageId} on conversation {ConversationId}: priority {Priority}")]
    private static partial void LogCustomerMessage(ILogger logger, long messageId, long conversationId, double priority);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Agent reply {MessageId} on conversation {ConversationId}: empathy score {Score}")]
    private static partial void LogAgentReply(ILogger logger, long messageId, long conversationId, int score);
}
