using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Agents;
using Rapport.Desk.Conversations;
using Rapport.Desk.Customers;
using Rapport.Desk.Data;
using Rapport.Desk.Knowledge;

namespace Rapport.Desk.Demo;

/// <summary>
/// Writes the demo workspace (<see cref="DemoWorkspace"/>) into an empty database: 2 teams, 6 agents, 20 customers and
/// 42 conversations whose messages go through <see cref="ConversationService"/>, so readings, reviews and priorities are
/// the real ones, and the demo knowledge base (<see cref="DemoKnowledge"/>). Deterministic: the same content every time, with times relative to now, except the agents' sign-in
/// password, which is random and returned once.
/// </summary>
public sealed class DemoSeeder(RapportDbContext db, CustomerService customers, ConversationService conversations, KnowledgeService knowledge, TimeProvider time)
{
    /// <returns>What was written: no conversations and no credentials when the database already had conversations.</returns>
    public async Task<DemoSeed> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Conversations.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return new DemoSeed(0, null);
        }

        var password = AgentPasswords.Generate();
        var (agents, signIns) = await SeedAgentsAsync(password, cancellationToken).ConfigureAwait(false);
        var customerIds = new List<long>(DemoWorkspace.Customers.Length);
        foreach (var (name, tags) in DemoWorkspace.Customers)
        {
            var email = name.ToLowerInvariant().Replace(' ', '.').Replace("'", "", StringComparison.Ordinal) + "@example.com";
            var customer = await customers.CreateAsync(new CustomerFields(name, email, "en", tags, null), cancellationToken).ConfigureAwait(false);
            customerIds.Add(customer.Id);
        }

        var now = time.GetUtcNow();
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

        foreach (var article in DemoKnowledge.Articles)
        {
            await knowledge.UpsertBySlugAsync(article.Slug, new KnowledgeFields(article.Slug, article.Title, article.Body, article.Tags, article.Language, article.Questions), cancellationToken)
                .ConfigureAwait(false);
        }

        return new DemoSeed(index, new DemoCredentials(signIns, password));
    }

    private async Task<(List<long> Ids, IReadOnlyList<DemoSignIn> SignIns)> SeedAgentsAsync(string password, CancellationToken cancellationToken)
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
        return ([.. agents.Select(a => a.Id)], [.. agents.Select(a => new DemoSignIn(a.Email, a.Name, a.Role))]);
    }
}

/// <summary>What <see cref="DemoSeeder"/> wrote; <see cref="Credentials"/> is null when it wrote nothing.</summary>
public sealed record DemoSeed(int Conversations, DemoCredentials? Credentials);

/// <summary>The demo agents' sign-ins; every demo agent has the same random <see cref="Password"/>, known only now.</summary>
public sealed record DemoCredentials(IReadOnlyList<DemoSignIn> Agents, string Password);

/// <summary>One demo agent who can sign in to the workspace.</summary>
public sealed record DemoSignIn(string Email, string Name, AgentRole Role);
