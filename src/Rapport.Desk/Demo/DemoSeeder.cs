using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rapport.Desk.Agents;
using Rapport.Desk.Conversations;
using Rapport.Desk.Customers;
using Rapport.Desk.Data;
using Rapport.Desk.FollowUps;
using Rapport.Desk.Knowledge;
using Rapport.Desk.Recognition;
using Rapport.Desk.Sla;
using Rapport.Desk.Surveys;

namespace Rapport.Desk.Demo;

/// <summary>
/// Writes the demo workspace into an empty database: 2 teams with their hours, 6 agents, six weeks of history
/// (<see cref="DemoHistory"/>: resolved conversations, promises kept and broken, SLA alerts, follow-ups, surveys,
/// kudos), the loop stories (<see cref="DemoLoop"/>), today's inbox (<see cref="DemoWorkspace"/>) and the demo
/// knowledge base (<see cref="DemoKnowledge"/>). History runs through the real services on a <see cref="DemoRig"/>
/// whose clock walks through the weeks, so readings, reviews, priorities, SLA clocks, promises and follow-ups are the
/// real ones. Deterministic: the same content every time, with times relative to now, except the agents' sign-in
/// password and the survey tokens, which are random.
/// </summary>
public sealed partial class DemoSeeder(
    RapportDbContext db, DbContextOptions<RapportDbContext> options, KnowledgeService knowledge, TimeProvider time, ILoggerFactory loggers,
    IOptions<FollowUpOptions> followUps, IOptions<SurveyOptions> surveys, IOptions<KudosOptions> kudos)
{
    /// <returns>What was written: no conversations and no credentials when the database already had conversations.</returns>
    public async Task<DemoSeed> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Conversations.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return new DemoSeed(0, null);
        }

        var watch = Stopwatch.StartNew();
        var now = time.GetUtcNow();
        var password = AgentPasswords.Generate();
        var clock = new DemoClock(now - TimeSpan.FromDays(DemoHistory.Days + 1));
        DemoCredentials credentials;
        DeferredKudos? deferred;
        int count;
        await using (var rig = new DemoRig(options, clock, loggers, followUps, surveys, kudos))
        {
            // One transaction for the whole seed: a few thousand small saves, one commit.
            var strategy = rig.Db.Database.CreateExecutionStrategy();
            (credentials, deferred, count) = await strategy.ExecuteAsync(async ct =>
            {
                await using var transaction = await rig.Db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                var (agents, leads, signIns) = await SeedAgentsAsync(rig.Db, password, ct).ConfigureAwait(false);
                await SlaDefaults.SeedDemoHoursAsync(rig.Db, time, ct).ConfigureAwait(false);
                var historyCustomers = await CustomersAsync(rig.Customers, DemoHistory.Customers().Select(n => (n, Array.Empty<string>())), ct).ConfigureAwait(false);
                var loopCustomers = await CustomersAsync(rig.Customers, DemoLoop.Customers.Select(n => (n, Array.Empty<string>())), ct).ConfigureAwait(false);
                var customers = await CustomersAsync(rig.Customers, DemoWorkspace.Customers.Select(c => (c.Name, c.Tags)), ct).ConfigureAwait(false);

                var player = new DemoPlayer(rig, agents, leads);
                var history = await player.PlayAsync(DemoHistory.Build(now), historyCustomers, now, ct).ConfigureAwait(false);
                var kudosLater = await DemoLoop.PlayAsync(rig, player, loopCustomers, agents, now, ct).ConfigureAwait(false);
                await rig.AdvanceAsync(now, ct).ConfigureAwait(false);

                // The weeks of history raised hundreds of SLA and promise notifications; people would have read them
                // long ago, so only the last day's stay unread in the bell.
                var readBefore = now - TimeSpan.FromDays(1);
                await rig.Db.Notifications.Where(n => n.CreatedAt < readBefore && n.ReadAt == null)
                    .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), ct).ConfigureAwait(false);
                var today = await SeedTodayAsync(rig.Conversations, customers, agents, now, ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return (new DemoCredentials(signIns, password), kudosLater, history.Length + 3 + today);
            }, cancellationToken).ConfigureAwait(false);

            if (deferred is not null)
            {
                clock.Set(deferred.At);
                rig.Db.ChangeTracker.Clear();
                var suggestion = (await rig.Suggestions.PendingAsync([deferred.AgentId], cancellationToken).ConfigureAwait(false))
                    .FirstOrDefault(s => s.ConversationId == deferred.ConversationId);
                if (suggestion is not null)
                {
                    await rig.Kudos.DecideAsync(suggestion, accept: true, deferred.LeadId, null, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        foreach (var article in DemoKnowledge.Articles)
        {
            await knowledge.UpsertBySlugAsync(article.Slug, new KnowledgeFields(article.Slug, article.Title, article.Body, article.Tags, article.Language, article.Questions), cancellationToken)
                .ConfigureAwait(false);
        }

        var logger = loggers.CreateLogger<DemoSeeder>();
        LogSeeded(logger, count, watch.ElapsedMilliseconds);
        return new DemoSeed(count, credentials);
    }

    private static async Task<List<long>> CustomersAsync(CustomerService customers, IEnumerable<(string Name, string[] Tags)> people, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        foreach (var (name, tags) in people)
        {
            var email = name.ToLowerInvariant().Replace(' ', '.').Replace("'", "", StringComparison.Ordinal) + "@example.com";
            var customer = await customers.CreateAsync(new CustomerFields(name, email, "en", tags, null), cancellationToken).ConfigureAwait(false);
            ids.Add(customer.Id);
        }

        return ids;
    }

    /// <summary>Today's inbox (<see cref="DemoWorkspace.Conversations"/>), with the times written there.</summary>
    private static async Task<int> SeedTodayAsync(ConversationService conversations, List<long> customerIds, List<long> agents, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var index = 0;

        // Oldest first, so that each conversation's repeat-contact count sees the earlier ones.
        foreach (var demo in DemoWorkspace.Conversations.OrderByDescending(c => c.HoursAgo))
        {
            var start = now - TimeSpan.FromHours(demo.HoursAgo);
            var conversation = await conversations.StartAsync(
                new NewConversation(customerIds[demo.Customer], demo.Channel, demo.Subject, start, DemoWorkspace.Labels.GetValueOrDefault(demo.Subject)), cancellationToken).ConfigureAwait(false);
            var step = TimeSpan.FromHours(Math.Min(1, demo.HoursAgo / (demo.Lines.Length + 1)));
            long? agentId = demo.Agent is { } a ? agents[a] : (index % 3 == 0 ? agents[index % agents.Count] : null);
            for (var i = 0; i < demo.Lines.Length; i++)
            {
                var at = start + (step * i);
                var line = demo.Lines[i];
                if (line.StartsWith(DemoWorkspace.AgentPrefix, StringComparison.Ordinal))
                {
                    await conversations.AddAgentReplyAsync(conversation.Id, new AgentReply(line[DemoWorkspace.AgentPrefix.Length..], agentId, at), dryRun: false, cancellationToken)
                        .ConfigureAwait(false);
                }
                else
                {
                    await conversations.AddCustomerMessageAsync(conversation.Id, new NewMessage(line, CreatedAt: at), cancellationToken).ConfigureAwait(false);
                }
            }

            if (agentId is not null)
            {
                await conversations.AssignAsync(conversation.Id, agentId, cancellationToken).ConfigureAwait(false);
            }

            if (demo.Status is { } status)
            {
                await conversations.ChangeStatusAsync(conversation.Id, status, cancellationToken).ConfigureAwait(false);
            }

            index++;
        }

        return index;
    }

    private static async Task<(List<long> Ids, List<long?> LeadOfTeam, IReadOnlyList<DemoSignIn> SignIns)> SeedAgentsAsync(RapportDbContext db, string password, CancellationToken cancellationToken)
    {
        var teams = DemoWorkspace.Teams.Select(name => new Team { Name = name }).ToList();
        db.Teams.AddRange(teams);
        var agents = DemoWorkspace.Agents
            .Select(a => new Agent { Name = a.Name, Email = a.Name.ToLowerInvariant().Replace(' ', '.') + "@rapport.example", Role = a.Role, Team = teams[a.Team] })
            .ToList();
        foreach (var agent in agents)
        {
            agent.PasswordHash = AgentPasswords.Hash(agent, password);
        }

        db.Agents.AddRange(agents);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var leads = DemoWorkspace.Teams.Select((_, t) => agents.Where((a, i) => DemoWorkspace.Agents[i].Team == t && a.Role == AgentRole.Lead).Select(a => (long?)a.Id).FirstOrDefault()).ToList();
        return ([.. agents.Select(a => a.Id)], leads, [.. agents.Select(a => new DemoSignIn(a.Email, a.Name, a.Role))]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo workspace: {Conversations} conversations in {Milliseconds} ms")]
    private static partial void LogSeeded(ILogger logger, int conversations, long milliseconds);
}

/// <summary>What <see cref="DemoSeeder"/> wrote; <see cref="Credentials"/> is null when it wrote nothing.</summary>
public sealed record DemoSeed(int Conversations, DemoCredentials? Credentials);

/// <summary>The demo agents' sign-ins; every demo agent has the same random <see cref="Password"/>, known only now.</summary>
public sealed record DemoCredentials(IReadOnlyList<DemoSignIn> Agents, string Password);

/// <summary>One demo agent who can sign in to the workspace.</summary>
public sealed record DemoSignIn(string Email, string Name, AgentRole Role);
