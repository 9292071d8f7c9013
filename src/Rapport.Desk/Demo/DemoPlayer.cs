using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Conversations;
using Rapport.Desk.FollowUps;
using Rapport.Desk.Promises;
using Rapport.Desk.Surveys;

namespace Rapport.Desk.Demo;

/// <summary>
/// Plays scripted stories through a <see cref="DemoRig"/>: all steps of all stories in time order, with the due work
/// (SLA warnings and breaches, promise reminders and breaks, follow-up check-ins with their surveys) running in between
/// at its own times, as the scheduler would have run it.
/// </summary>
internal sealed partial class DemoPlayer(DemoRig rig, IReadOnlyList<long> agentIds, IReadOnlyList<long?> leadOfTeam)
{
    /// <summary>Plays every step up to <paramref name="now"/>; returns the conversation id of each story.</summary>
    public async Task<long[]> PlayAsync(IReadOnlyList<DemoStory> stories, IReadOnlyList<long> customerIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var conversations = new long[stories.Count];
        var lastReply = new long?[stories.Count];
        var steps = stories.SelectMany((story, i) => story.Steps.Select((step, j) => (Story: i, Step: step, Order: j)))
            .Where(s => s.Step.At <= now)
            .OrderBy(s => s.Step.At).ThenBy(s => s.Story).ThenBy(s => s.Order)
            .ToList();
        foreach (var (i, step, _) in steps)
        {
            await rig.AdvanceAsync(step.At, cancellationToken).ConfigureAwait(false);
            var story = stories[i];
            if (conversations[i] == 0)
            {
                conversations[i] = await StartAsync(customerIds[story.Customer], story.Channel, story.Subject, story.Labels, agentIds[story.Agent], cancellationToken).ConfigureAwait(false);
            }

            lastReply[i] = await StepAsync(conversations[i], agentIds[story.Agent], DemoWorkspace.Agents[story.Agent].Team, step, cancellationToken).ConfigureAwait(false) ?? lastReply[i];
            if (step.Kind == DemoStepKind.Kudos && lastReply[i] is { } reply && leadOfTeam[DemoWorkspace.Agents[story.Agent].Team] is { } lead && lead != agentIds[story.Agent])
            {
                await rig.Kudos.GiveAsync(agentIds[story.Agent], lead, step.Text!, null, reply, cancellationToken).ConfigureAwait(false);
            }

            rig.Db.ChangeTracker.Clear();
        }

        return conversations;
    }

    /// <summary>Opens a conversation now, assigned to <paramref name="agentId"/>.</summary>
    public async Task<long> StartAsync(long customerId, Channel channel, string subject, IReadOnlyList<string> labels, long agentId, CancellationToken cancellationToken)
    {
        var conversation = await rig.Conversations.StartAsync(new NewConversation(customerId, channel, subject, null, labels), cancellationToken).ConfigureAwait(false);
        await rig.Conversations.AssignAsync(conversation.Id, agentId, cancellationToken).ConfigureAwait(false);
        return conversation.Id;
    }

    /// <summary>Runs one step now; returns the id of the reply it stored, if any.</summary>
    public async Task<long?> StepAsync(long conversationId, long agentId, int team, DemoStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        switch (step.Kind)
        {
            case DemoStepKind.Customer:
                await rig.Conversations.AddCustomerMessageAsync(conversationId, new NewMessage(step.Text!), cancellationToken).ConfigureAwait(false);
                break;
            case DemoStepKind.Reply:
                // No CreatedAt: the reply is live at the demo clock's now, so the ledger records its promises.
                var result = await rig.Conversations.AddAgentReplyAsync(conversationId, new AgentReply(step.Text!, agentId), dryRun: false, cancellationToken).ConfigureAwait(false);
                return result?.Message?.Id;
            case DemoStepKind.KeepPromises:
                var open = await rig.Db.Promises.AsNoTracking().Where(p => p.ConversationId == conversationId && p.Status != PromiseStatus.Kept)
                    .Select(p => p.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
                foreach (var id in open)
                {
                    await rig.Promises.MarkKeptAsync(id, cancellationToken).ConfigureAwait(false);
                }

                break;
            case DemoStepKind.Resolve or DemoStepKind.Close:
                await rig.Conversations.ChangeStatusAsync(conversationId, step.Kind == DemoStepKind.Resolve ? ConversationStatus.Resolved : ConversationStatus.Closed, cancellationToken)
                    .ConfigureAwait(false);
                break;
            case DemoStepKind.ReviewFollowUp:
                var review = await rig.Db.FollowUps.AsNoTracking().Where(f => f.ConversationId == conversationId && f.State == FollowUpState.NeedsReview)
                    .Select(f => (long?)f.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                if (review is { } followUp)
                {
                    await rig.FollowUps.MarkReviewedAsync(followUp, leadOfTeam[team], step.Text, cancellationToken).ConfigureAwait(false);
                }

                break;
            case DemoStepKind.AnswerSurvey:
                if (await SurveyTokenAsync(conversationId, cancellationToken).ConfigureAwait(false) is { } token)
                {
                    await rig.Surveys.AnswerAsync(token, new SurveyAnswer(step.Satisfaction, step.Understood, step.Text), cancellationToken).ConfigureAwait(false);
                }

                break;
        }

        return null;
    }

    /// <summary>The token of the survey link in the conversation's latest check-in, as the customer would click it.</summary>
    public async Task<string?> SurveyTokenAsync(long conversationId, CancellationToken cancellationToken)
    {
        var bodies = await rig.Db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Author == MessageAuthor.Assistant)
            .OrderByDescending(m => m.Id).Select(m => m.Body).Take(5).ToListAsync(cancellationToken).ConfigureAwait(false);
        return bodies.Select(b => SurveyLink().Match(b)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
    }

    [GeneratedRegex(@"/survey/([A-Za-z0-9_-]{43})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SurveyLink();
}
