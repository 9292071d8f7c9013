using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rapport.Core.Assistant;
using Rapport.Core.Coaching;
using Rapport.Core.Composing;
using Rapport.Core.Emotions;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;
using Rapport.Desk.Knowledge;

namespace Rapport.Desk.Assistant;

/// <summary>What the assistant did after a customer message: its stored reply, what stood behind it, and the hand-off if any.</summary>
/// <param name="Reply">The stored assistant message.</param>
/// <param name="Answer">What stood behind it (also <c>Reply.AssistantAnswer</c>).</param>
/// <param name="HandOff">The hand-off with its brief, when this reply handed the conversation to a person.</param>
/// <param name="AssignedTo">The agent the hand-off assigned it to, if any.</param>
public sealed record AssistantOutcome(Message Reply, AssistantAnswer Answer, HandOff? HandOff, Agents.Agent? AssignedTo = null);

/// <summary>
/// The virtual assistant on a conversation (docs/assistant.md). Called after a customer message is stored: when the
/// assistant answers the conversation's channel and no person has taken it (no hand-off, no assignee, no agent reply),
/// it retrieves passages, composes the reply (<see cref="AssistantComposer"/>), lets the optional generative refiner
/// rewrite an answer, stores the reply as an assistant message and, when the composer says so, hands the conversation
/// to a person: assigned by load and priority, with a brief.
/// </summary>
public sealed partial class AssistantResponder(
    RapportDbContext db,
    KnowledgeService knowledge,
    PriorityCalculator priority,
    TimeProvider time,
    AssistantGate gate,
    IOptions<AssistantResponderOptions> options,
    ILogger<AssistantResponder> logger,
    IAssistantReplyRefiner? refiner = null,
    IConversationChanges? changes = null)
{
    /// <summary>Said after a customer's thank-you for an answer (wrapped by the composer: their name, their words).</summary>
    public const string Closing = "I'm glad that sorted it out. If anything else comes up, just write here, or reply \"person\" to reach our team.";

    /// <summary>How many of the conversation's latest messages a turn reads.</summary>
    private const int History = 200;

    /// <summary>How many of the customer's unanswered messages the reply answers.</summary>
    private const int Unanswered = 5;

    private const int MaxNote = 300;

    private const int MaxAssignment = 400;

    /// <summary>
    /// Answers the conversation's latest customer message, or stays silent (null). A failure is logged and also returns
    /// null: the customer's message is already stored, and the conversation then simply waits for a person in the inbox.
    /// </summary>
    public async Task<AssistantOutcome?> RespondAsync(long conversationId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return null;
        }

        try
        {
            return await TurnAsync(conversationId, settings, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The customer's message is stored whatever happens here; an error must not fail it.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogTurnFailed(logger, conversationId, exception);
            db.ChangeTracker.Clear();
            return null;
        }
    }

    private async Task<AssistantOutcome?> TurnAsync(long conversationId, AssistantResponderOptions settings, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(conversationId, cancellationToken).ConfigureAwait(false);
        var conversation = await db.Conversations.Include(c => c.Customer).Include(c => c.HandOff)
            .FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken).ConfigureAwait(false);
        if (conversation is null || !settings.Answers(conversation.Channel) || conversation.HandOff is not null || conversation.AssigneeId is not null
            || await db.Messages.AnyAsync(m => m.ConversationId == conversationId && m.Author == MessageAuthor.Agent, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        // Without a knowledge base there is nothing to answer from: conversations reach the inbox as they did before.
        if (!await db.KnowledgeArticles.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var newestFirst = await db.Messages.AsNoTracking().Include(m => m.Reading).Include(m => m.AssistantAnswer)
            .Where(m => m.ConversationId == conversationId)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(History)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (newestFirst.Count == 0 || newestFirst[0].Author != MessageAuthor.Customer)
        {
            // Nothing to answer: the latest message is already a reply (a repeated call changes nothing).
            return null;
        }

        var messages = Enumerable.Reverse(newestFirst).ToList();
        List<string> unanswered = [.. newestFirst.TakeWhile(m => m.Author == MessageAuthor.Customer).Take(Unanswered).Reverse().Select(m => m.Body)];
        var reading = EmotionAnalyzer.Default.Analyze(unanswered[^1]);
        var replies = messages.Where(m => m.AssistantAnswer is not null).ToList();
        List<string> previous = [.. replies.Select(m => m.Body)];
        var thanks = replies.Count > 0 && CustomerFeedback.OnlyThanks(unanswered[^1], reading.Labels.Select(l => l.Name()));
        var passages = thanks ? [] : await RetrieveAsync(unanswered, replies, settings.Passages, cancellationToken).ConfigureAwait(false);
        var composer = new AssistantComposer(new AssistantOptions(settings.ConfidenceThreshold, settings.EscalationThreshold));
        var seed = unchecked((int)conversationId * 7919 + previous.Count);

        // A thank-you is not a question, so it cannot miss: it counts no failure and gets a closing (unless it hands off).
        var assistantTurn = new AssistantTurn(unanswered, reading, conversation.Customer?.Name, passages.FirstOrDefault(), thanks ? 0 : FailedAnswers(messages), seed, previous);
        var reply = composer.Reply(assistantTurn);
        var kind = reply.Answered ? AssistantReplyKind.Answer : AssistantReplyKind.NoAnswer;
        var text = reply.Text;
        if (thanks && !reply.HandOff)
        {
            kind = AssistantReplyKind.Closing;
            text = ReplyComposer.Default.Compose(
                new ReviewContext(unanswered, conversation.Customer?.Name, null, null), new ComposeRequest(Closing, Seed: seed, PreviousReplies: previous)).Text;
        }

        var (generated, note) = (false, (string?)null);
        if (kind == AssistantReplyKind.Answer && !reply.HandOff && refiner is not null)
        {
            var confident = passages.Where(p => p.Confidence >= settings.ConfidenceThreshold).ToList();
            (text, generated, note) = await RefineAsync(refiner, assistantTurn, reply, confident, settings, conversationId, cancellationToken).ConfigureAwait(false);
        }

        // From here the reply is decided: it is stored even if the caller has gone (a cancelled widget request, a timed-out
        // model call), because the customer's message deserves its answer and the hand-off must not be half done.
        var best = passages.FirstOrDefault();
        var message = new Message
        {
            ConversationId = conversationId,
            Author = MessageAuthor.Assistant,
            Body = text,
            Channel = conversation.Channel,
            CreatedAt = time.GetUtcNow(),
            AssistantAnswer = new AssistantAnswer
            {
                Kind = kind,
                ArticleSlug = kind == AssistantReplyKind.Closing ? null : best?.ArticleSlug,
                ArticleTitle = kind == AssistantReplyKind.Closing ? null : best?.ArticleTitle,
                Confidence = kind == AssistantReplyKind.Closing ? 0 : DeskJson.Round(best?.Confidence ?? 0),
                Generated = generated,
                RefinerNote = note is null || note.Length <= MaxNote ? note : note[..MaxNote],
                HandOff = reply.HandOff,
            },
        };
        db.Messages.Add(message);

        (HandOff? handOff, Agents.Agent? agent) = (null, null);
        if (reply.HandOff)
        {
            (handOff, agent) = await HandOffAsync(conversation, [.. messages, message], reply.Reasons, composer.Options, settings).ConfigureAwait(false);
        }
        else
        {
            ConversationRules.OnAssistantReply(conversation);
        }

        await ConversationPriority.RecomputeAsync(db, priority, time, conversation, CancellationToken.None).ConfigureAwait(false);
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        changes?.Changed(conversationId);
        LogReply(logger, message.Id, conversationId, kind, message.AssistantAnswer.ArticleSlug, message.AssistantAnswer.Confidence, generated);
        if (handOff is not null)
        {
            LogHandOff(logger, conversationId, handOff.Reasons, handOff.AgentId);
        }

        return new AssistantOutcome(message, message.AssistantAnswer, handOff, agent);
    }

    /// <summary>
    /// The passages for the customer's unanswered messages. When they say the last answer did not help, its words
    /// ("that didn't help") are not searched and the articles already offered are left out: the customer wants
    /// something else, and without a new passage this turn is a miss (the second one hands off).
    /// </summary>
    private async Task<List<AssistantPassage>> RetrieveAsync(List<string> unanswered, List<Message> replies, int limit, CancellationToken cancellationToken)
    {
        var question = string.Join("\n", unanswered);
        var offered = new HashSet<string>(StringComparer.Ordinal);
        if (replies.LastOrDefault()?.AssistantAnswer is { Kind: AssistantReplyKind.Answer } && CustomerFeedback.SaysItDidNotHelp(question))
        {
            offered.UnionWith(replies.Where(r => r.AssistantAnswer!.Kind == AssistantReplyKind.Answer).Select(r => r.AssistantAnswer!.ArticleSlug!));
            if (CustomerFeedback.QuestionWithoutFeedback(question) is not { } rest)
            {
                return [];
            }

            question = rest;
        }

        var hits = await knowledge.SearchAsync(question, limit + offered.Count, cancellationToken).ConfigureAwait(false);
        return [.. hits.Where(h => !offered.Contains(h.Slug)).Take(limit).Select(h => new AssistantPassage(h.Slug, h.Title, h.Passage, h.Confidence))];
    }

    /// <summary>
    /// Earlier misses: replies without an answer, and answers the customer said did not help ("that didn't help",
    /// "still not working"). The composer hands off at the second.
    /// </summary>
    private static int FailedAnswers(List<Message> messages)
    {
        var failed = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i].AssistantAnswer is not { } answer)
            {
                continue;
            }

            var next = messages.Skip(i + 1).FirstOrDefault(m => m.Author == MessageAuthor.Customer);
            if (answer.Kind == AssistantReplyKind.NoAnswer || (answer.Kind == AssistantReplyKind.Answer && next is not null && CustomerFeedback.SaysItDidNotHelp(next.Body)))
            {
                failed++;
            }
        }

        return failed;
    }

    private async Task<(string Text, bool Generated, string? Note)> RefineAsync(
        IAssistantReplyRefiner model, AssistantTurn turn, AssistantReply composed, List<AssistantPassage> passages,
        AssistantResponderOptions settings, long conversationId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.RefinerTimeoutSeconds));
        try
        {
            var refined = await model.RefineAsync(turn, composed, passages, timeout.Token).ConfigureAwait(false);
            return refined.Generated && !string.IsNullOrWhiteSpace(refined.Text)
                ? (refined.Text, true, null)
                : (composed.Text, false, refined.RejectedBecause ?? (refined.Generated ? "the generated reply was empty" : null));
        }
        catch (OperationCanceledException)
        {
            return (composed.Text, false, cancellationToken.IsCancellationRequested ? "cancelled" : $"timed out after {settings.RefinerTimeoutSeconds:0.#} s");
        }
#pragma warning disable CA1031 // The generative path is optional: whatever it throws, the composed reply goes out.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogRefinerFailed(logger, conversationId, exception);
            return (composed.Text, false, "the refiner failed: " + exception.GetType().Name);
        }
    }

    private async Task<(HandOff HandOff, Agents.Agent? Agent)> HandOffAsync(
        Conversation conversation, List<Message> messages, IReadOnlyList<HandOffReason> reasons, AssistantOptions thresholds, AssistantResponderOptions settings)
    {
        var now = time.GetUtcNow();
        var (agent, rule) = await HandOffAssignment.ChooseAsync(db, settings.HandOffTeam, now, CancellationToken.None).ConfigureAwait(false);
        var brief = HandOffBriefWriter.Write(conversation.Subject, conversation.Customer?.Name, messages, reasons, thresholds);
        var handOff = new HandOff
        {
            ConversationId = conversation.Id,
            HandedOffAt = now,
            Reasons = [.. reasons.Select(r => DeskJson.CamelCase(r.ToString()))],
            AgentId = agent?.Id,
            Assignment = rule.Length <= MaxAssignment ? rule : rule[..MaxAssignment],
            BriefJson = JsonSerializer.Serialize(brief, DeskJson.Options),
        };
        db.HandOffs.Add(handOff);

        // The customer still waits, now for a person: the waiting clock (and the SLA) keep running.
        conversation.AssigneeId = agent?.Id;
        return (handOff, agent);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Assistant reply {MessageId} on conversation {ConversationId}: {Kind}, article {Article}, confidence {Confidence}, generated {Generated}")]
    private static partial void LogReply(ILogger logger, long messageId, long conversationId, AssistantReplyKind kind, string? article, double confidence, bool generated);

    [LoggerMessage(Level = LogLevel.Information, Message = "Assistant handed conversation {ConversationId} to a person ({Reasons}); assigned to agent {AgentId}")]
    private static partial void LogHandOff(ILogger logger, long conversationId, IReadOnlyList<string> reasons, long? agentId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The assistant could not answer conversation {ConversationId}; it waits for a person")]
    private static partial void LogTurnFailed(ILogger logger, long conversationId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The assistant's reply refiner failed on conversation {ConversationId}; the composed reply was sent")]
    private static partial void LogRefinerFailed(ILogger logger, long conversationId, Exception exception);
}
