using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Coaching;
using Rapport.Core.Emotions;
using Rapport.Desk.Agents;
using Rapport.Desk.ApiKeys;
using Rapport.Desk.Conversations;
using Rapport.Desk.Customers;
using Rapport.Desk.Data;

namespace Rapport.LoadTest;

/// <summary>
/// Writes a <see cref="SyntheticArchive"/> into an empty desk database the way the desk stores it: every customer message
/// with its emotion reading, every agent reply with its review, every conversation with its priority and reason.
/// Agent replies come from a few templates, so each template is reviewed once (against a generic complaint) and the
/// stored review is copied: the rows and their sizes are real, the seeding takes a minute instead of ten.
/// </summary>
internal sealed class ArchiveSeeder(Func<RapportDbContext> createContext, TextWriter log)
{
    private const int BatchSize = 1_000;

    public async Task<string> SeedAsync(int conversations, int messagesPerConversation, int customers, int surveys, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using (var db = createContext())
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            if (db.Database.ProviderName == RapportDbContext.SqliteProvider)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }

            if (await db.Conversations.AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException("The database already has conversations; seed an empty one.");
            }
        }

        var now = TimeProvider.System.GetUtcNow();
        var archive = new SyntheticArchive(seed: 42, now);
        var generated = new SyntheticConversation[conversations];
        for (var i = 0; i < conversations; i++)
        {
            generated[i] = archive.Next(i, customers, messagesPerConversation);
        }

        var contactsByCustomer = generated.GroupBy(c => c.Customer).ToDictionary(g => g.Key, g => g.Select(c => c.Start).ToList());
        var (agentIds, customerIds, key) = await SeedPeopleAsync(customers, now, cancellationToken).ConfigureAwait(false);
        log.WriteLine($"people: {customers:N0} customers, {agentIds.Count} agents ({clock.Elapsed.TotalSeconds:F1} s)");

        var reviews = SyntheticArchive.Replies
            .Select(r => MessageReview.From(EmpathyCoach.Default.Review(r, ReviewContext.Of("My order arrived broken and I'm really upset."))))
            .ToArray();
        var priority = new PriorityCalculator(TimeProvider.System);
        long messages = 0;
        var resolved = new List<ResolvedConversation>(conversations);
        for (var start = 0; start < conversations; start += BatchSize)
        {
            await using var db = createContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var end = Math.Min(conversations, start + BatchSize);
            var batch = new List<Conversation>(end - start);
            for (var i = start; i < end; i++)
            {
                var source = generated[i];
                var others = contactsByCustomer[source.Customer].Where(t => t != source.Start).ToList();
                var conversation = Build(source, i, customerIds[source.Customer], agentIds, reviews, others, priority);
                messages += conversation.Messages.Count;
                db.Conversations.Add(conversation);
                batch.Add(conversation);
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            resolved.AddRange(batch.Where(c => c.ResolvedAt is not null).Select(c => new ResolvedConversation(
                c.Id, c.AssigneeId, c.ResolvedAt!.Value, c.Messages.Where(m => m.Review is not null).Select(m => (double)m.Review!.Score).DefaultIfEmpty(50).Average())));
            if ((end / BatchSize) % 10 == 0 || end == conversations)
            {
                log.WriteLine($"conversations: {end:N0} / {conversations:N0}, messages: {messages:N0} ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        }

        log.WriteLine($"seeded {conversations:N0} conversations and {messages:N0} messages in {clock.Elapsed.TotalSeconds:F0} s");
        var answered = await new SurveySeeder(createContext).SeedAsync(resolved, surveys, cancellationToken).ConfigureAwait(false);
        log.WriteLine($"seeded {answered:N0} answered surveys ({clock.Elapsed.TotalSeconds:F0} s)");
        return key;
    }

    private async Task<(List<long> Agents, long[] Customers, string Key)> SeedPeopleAsync(int customers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var team = new Team { Name = "Load test" };
        db.Teams.Add(team);
        var agents = Enumerable.Range(1, 6)
            .Select(i => new Agent { Name = $"Agent {i}", Email = $"agent{i}@example.com", Team = team, Role = i == 1 ? AgentRole.Lead : AgentRole.Agent })
            .ToList();
        db.Agents.AddRange(agents);
        var people = new Customer[customers];
        for (var i = 0; i < customers; i++)
        {
            people[i] = new Customer
            {
                Name = SyntheticArchive.CustomerName(i),
                Email = SyntheticArchive.CustomerEmail(i),
                PreferredLanguage = "en",
                Tags = i % 50 == 0 ? ["vip"] : [],
                CreatedAt = now - TimeSpan.FromDays(120),
            };
        }

        db.Customers.AddRange(people);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var created = await new ApiKeyService(db, TimeProvider.System).CreateAsync("Load test", ApiKeyScope.Admin, cancellationToken).ConfigureAwait(false);
        return ([.. agents.Select(a => a.Id)], [.. people.Select(p => p.Id)], created.Token);
    }

    private static Conversation Build(
        SyntheticConversation source, int index, long customerId, List<long> agentIds, MessageReview[] reviews,
        List<DateTimeOffset> otherContacts, PriorityCalculator priority)
    {
        var status = Enum.Parse<ConversationStatus>(source.Status);
        var agentId = index % 5 == 0 ? (long?)null : agentIds[index % agentIds.Count];
        var conversation = new Conversation
        {
            CustomerId = customerId,
            Channel = Enum.Parse<Channel>(source.Channel, ignoreCase: true),
            Subject = source.Subject,
            Status = status,
            AssigneeId = agentId,
            CreatedAt = source.Start.ToUniversalTime(),
            Labels = [source.Subject.Split(' ')[^1].ToLowerInvariant()],
        };

        MessageReading? last = null;
        foreach (var m in source.Messages)
        {
            var message = new Message
            {
                Author = m.FromCustomer ? MessageAuthor.Customer : MessageAuthor.Agent,
                AgentId = m.FromCustomer ? null : agentId,
                Body = m.Body,
                Channel = conversation.Channel,
                CreatedAt = m.At.ToUniversalTime(),
            };
            if (m.FromCustomer)
            {
                last = message.Reading = MessageReading.From(EmotionAnalyzer.Default.Analyze(m.Body), m.Body);
                conversation.WaitingSince ??= message.CreatedAt;
            }
            else
            {
                message.Review = Copy(reviews[m.ReplyTemplate]);
                conversation.FirstResponseAt ??= message.CreatedAt;
                conversation.WaitingSince = null;
            }

            conversation.Messages.Add(message);
        }

        if (status is ConversationStatus.Resolved or ConversationStatus.Closed)
        {
            conversation.ResolvedAt = source.Messages[^1].At.ToUniversalTime();
            conversation.WaitingSince = null;
        }

        conversation.EscalationRisk = last?.EscalationRisk ?? 0;
        var score = priority.Compute(new PriorityInputs(
            status, last?.Labels ?? [], conversation.EscalationRisk, last?.Intensity ?? 0, conversation.WaitingSince, otherContacts,
            source.Customer % 50 == 0 ? ["vip"] : []));
        conversation.Priority = score.Score;
        conversation.PriorityReason = score.Reason;
        return conversation;
    }

    private static MessageReview Copy(MessageReview review) => new()
    {
        EngineVersion = review.EngineVersion,
        Score = review.Score,
        FindingsJson = review.FindingsJson,
        EmotionalReactions = review.EmotionalReactions,
        Interpretations = review.Interpretations,
        Explorations = review.Explorations,
    };
}
