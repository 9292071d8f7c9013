using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rapport.Core.Coaching;
using Rapport.Core.Emotions;
using Rapport.Desk.Conversations;
using Rapport.Desk.Customers;
using Rapport.Desk.Data;
using Rapport.Desk.FollowUps;
using Rapport.Desk.Notifications;

namespace Rapport.Desk.Importing;

/// <summary>
/// Imports messages in batches, one transaction (one SaveChanges) per batch: messages whose external id is already
/// stored are skipped, customers and conversations are found or created, customer messages are read by the engine and
/// agent messages reviewed, each touched conversation's state and priority are updated once per batch
/// (docs/decisions/0011-import.md), and the batch's timers (SLA clocks, promises, quiet-customer follow-ups) are started
/// as if its messages had been posted live at their timestamps (<see cref="ImportTimers"/>, docs/import.md). When the
/// call returns, everything it counts as imported is committed.
/// </summary>
public sealed partial class ImportService(
    RapportDbContext db, TimeProvider time, PriorityCalculator priority, Notifier notifier, IOptions<FollowUpOptions> followUps, ILogger<ImportService> logger)
{
    /// <summary>Lines per transaction: big enough to amortise the round trips, small enough to keep a batch in memory.</summary>
    public const int DefaultBatchSize = 1000;

    /// <summary>A batch that collides with a concurrent import (the same new conversation or message) is read again and retried.</summary>
    private const int MaxAttempts = 3;

    private ImportTimers? _timers;

    public async Task<ImportReport> ImportAsync(IEnumerable<ImportLine> lines, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var started = time.GetTimestamp();
        var rejected = new List<RejectedLine>();
        var batch = new List<ImportRecord>(batchSize);
        var totals = default(BatchResult);
        var count = 0;
        foreach (var line in lines)
        {
            count++;
            if (line.Record is not { } record)
            {
                rejected.Add(new RejectedLine(line.Line, line.Rejection ?? "rejected"));
                continue;
            }

            batch.Add(record);
            if (batch.Count == batchSize)
            {
                totals += await WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            totals += await WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        var milliseconds = (long)time.GetElapsedTime(started).TotalMilliseconds;
        var timers = totals.Timers ?? ImportTimerCounts.None;
        LogImported(logger, count, totals.Imported, totals.Duplicates, rejected.Count, totals.ConversationsCreated, milliseconds);
        LogTimers(logger, timers.SlaClocks, timers.SlaBreached, timers.Promises, timers.QuietFollowUps);
        return new ImportReport(count, totals.Imported, totals.Duplicates, rejected, totals.ConversationsCreated, totals.CustomersCreated, timers);
    }

    private async Task<BatchResult> WriteBatchAsync(List<ImportRecord> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
            try
            {
                return await WriteOnceAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (BulkInsert.IsConflict(exception) && attempt < MaxAttempts && !cancellationToken.IsCancellationRequested)
            {
                // A concurrent import stored the same conversation key or external id first: read again and retry.
                LogRetry(logger, attempt);
            }
            finally
            {
                db.ChangeTracker.Clear();
                db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            }
        }
    }

    private async Task<BatchResult> WriteOnceAsync(List<ImportRecord> batch, CancellationToken cancellationToken)
    {
        // Duplicates within the batch, then those already stored (one query for the whole batch).
        var seen = new HashSet<string>(batch.Count, StringComparer.Ordinal);
        var records = new List<ImportRecord>(batch.Count);
        foreach (var record in batch)
        {
            if (seen.Add(record.ExternalId))
            {
                records.Add(record);
            }
        }

        var duplicates = batch.Count - records.Count;
        // One parameter for the whole list (JSON on SQLite, an array on PostgreSQL): one cached query whatever the
        // batch's size, instead of a statement with a parameter per id.
        var ids = seen.ToList();
        var stored = await db.Messages.AsNoTracking().Where(m => EF.Parameter(ids).Contains(m.ExternalId!)).Select(m => m.ExternalId!)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (stored.Count > 0)
        {
            var storedIds = stored.ToHashSet(StringComparer.Ordinal);
            duplicates += records.RemoveAll(r => storedIds.Contains(r.ExternalId));
        }

        if (records.Count == 0)
        {
            return new BatchResult(0, duplicates, 0, 0, null);
        }

        // Chronological (stable, so equal timestamps keep the file's order); the engine reads while the database is asked.
        records = [.. records.OrderBy(r => r.Timestamp)];
        var readings = new MessageReading?[records.Count];
        var analysis = Task.Run(() => Parallel.For(0, records.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            if (records[i].Author == MessageAuthor.Customer)
            {
                readings[i] = MessageReading.From(EmotionAnalyzer.Default.Analyze(records[i].Text), records[i].Text);
            }
        }), cancellationToken);

        var now = time.GetUtcNow();
        var context = await ImportBatchContext.LoadAsync(db, records, now, cancellationToken).ConfigureAwait(false);
        await analysis.ConfigureAwait(false);

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var reviews = new List<(Message Message, string Text, ReviewContext Context)>();
        var touched = new List<ImportedConversation>();
        foreach (var group in Enumerable.Range(0, records.Count).GroupBy(i => records[i].ConversationKey, StringComparer.Ordinal))
        {
            var conversation = context.Conversation(group.Key, records[group.First()], group.Select(i => records[i].Subject).FirstOrDefault(s => s is not null));
            foreach (var i in group)
            {
                var record = records[i];
                var message = new Message
                {
                    ConversationId = conversation.Entity.Id,
                    Author = record.Author,
                    AgentId = record.Author == MessageAuthor.Agent ? context.AgentId(record.AgentEmail) : null,
                    Body = record.Text,
                    Channel = record.Channel,
                    CreatedAt = record.Timestamp,
                    ExternalId = record.ExternalId,
                    Reading = readings[i],
                };
                if (record.Author == MessageAuthor.Agent)
                {
                    var answered = ConversationRules.CustomerMessagesToAnswer(conversation.Before(record.Timestamp, ConversationRules.ReviewLookback));
                    reviews.Add((message, record.Text, new ReviewContext(answered, conversation.Customer.Name, context.AgentName(record.AgentEmail))));
                }

                conversation.Add(message, record.Labels);
            }

            touched.Add(conversation);
        }

        // Reviews are independent of one another once their context is known.
        Parallel.For(0, reviews.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            reviews[i].Message.Review = MessageReview.From(EmpathyCoach.Default.Review(reviews[i].Text, reviews[i].Context)));

        foreach (var conversation in touched)
        {
            priority.Apply(conversation.Entity, conversation.LatestReading, context.OtherContacts(conversation), conversation.Customer.Tags);
        }

        var timers = await SaveAsync(context, now, cancellationToken).ConfigureAwait(false);
        LogBatch(logger, records.Count, duplicates);
        return new BatchResult(records.Count, duplicates, context.ConversationsCreated, context.CustomersCreated, timers);
    }

    /// <summary>
    /// One transaction: new rows in bulk (parents first, ids read back), the batch's timers planned, the updates of
    /// stored conversations and their timers saved, then the new timer rows in bulk.
    /// </summary>
    private async Task<ImportTimerCounts> SaveAsync(ImportBatchContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var customers = context.NewCustomers;
        await BulkInsert.InsertAsync(db, [.. customers.Where(c => c.Email is not null)], c => c.Email!, nameof(Customer.Email), (c, id) => c.Id = id, cancellationToken)
            .ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, [.. customers.Where(c => c.Email is null)], c => c.Name, nameof(Customer.Name), (c, id) => c.Id = id, cancellationToken)
            .ConfigureAwait(false);

        var created = context.Conversations.Where(c => c.Created).ToList();
        foreach (var conversation in created)
        {
            conversation.Entity.CustomerId = conversation.Customer.Id;
        }

        await BulkInsert.InsertAsync(db, [.. created.Select(c => c.Entity)], c => c.ExternalKey!, nameof(Conversation.ExternalKey), (c, id) => c.Id = id, cancellationToken)
            .ConfigureAwait(false);

        var messages = new List<Message>();
        foreach (var conversation in context.Conversations)
        {
            foreach (var message in conversation.Created ? conversation.Entity.Messages : conversation.NewMessages)
            {
                message.ConversationId = conversation.Entity.Id;
                messages.Add(message);
            }
        }

        await BulkInsert.InsertAsync(db, messages, m => m.ExternalId!, nameof(Message.ExternalId), (m, id) => m.Id = id, cancellationToken).ConfigureAwait(false);
        var readings = new List<MessageReading>();
        var reviews = new List<MessageReview>();
        foreach (var message in messages)
        {
            if (message.Reading is { } reading)
            {
                reading.MessageId = message.Id;
                readings.Add(reading);
            }

            if (message.Review is { } review)
            {
                review.MessageId = message.Id;
                reviews.Add(review);
            }
        }

        await BulkInsert.InsertAsync(db, readings, null, null, null, cancellationToken).ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, reviews, null, null, null, cancellationToken).ConfigureAwait(false);

        var timers = await (_timers ??= new ImportTimers(db, notifier, followUps.Value)).PlanAsync(context, now, cancellationToken).ConfigureAwait(false);

        // The stored conversations the batch continued are tracked: their status, clock and priority changed, and so
        // may their timers. The import keeps those timers itself (from the messages' timestamps), not the interceptors.
        db.ChangeTracker.DetectChanges();
        db.ImportKeepsTimers = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            db.ImportKeepsTimers = false;
        }

        await timers.InsertAsync(db, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return timers.Counts;
    }

    private readonly record struct BatchResult(int Imported, int Duplicates, int ConversationsCreated, int CustomersCreated, ImportTimerCounts? Timers)
    {
        public static BatchResult operator +(BatchResult a, BatchResult b) => new(
            a.Imported + b.Imported, a.Duplicates + b.Duplicates, a.ConversationsCreated + b.ConversationsCreated, a.CustomersCreated + b.CustomersCreated,
            (a.Timers ?? ImportTimerCounts.None) + (b.Timers ?? ImportTimerCounts.None));
    }

    // Counts only: message text is personal data and is never logged above Debug.
    [LoggerMessage(Level = LogLevel.Information, Message = "Import: {Lines} lines, {Imported} imported, {Duplicates} duplicates, {Rejected} rejected, {Conversations} new conversations in {Milliseconds} ms")]
    private static partial void LogImported(ILogger logger, int lines, int imported, int duplicates, int rejected, int conversations, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import timers: {Clocks} SLA clocks ({Breached} already breached), {Promises} promises, {Quiet} quiet-customer follow-ups")]
    private static partial void LogTimers(ILogger logger, int clocks, int breached, int promises, int quiet);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Import batch committed: {Imported} messages, {Duplicates} duplicates")]
    private static partial void LogBatch(ILogger logger, int imported, int duplicates);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import batch collided with a concurrent write (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, int attempt);
}
