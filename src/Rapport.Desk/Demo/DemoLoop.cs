using Microsoft.EntityFrameworkCore;
using Rapport.Desk.Conversations;
using Rapport.Desk.FollowUps;
using Rapport.Desk.Sla;

namespace Rapport.Desk.Demo;

/// <summary>
/// The demo's loop stories (README, "see the loop in the demo"), played through the real services on a
/// <see cref="DemoRig"/>: one conversation that went the whole way (SLA warning, a reply with a promise, the promise
/// kept, resolved, the check-in with its survey, a 5/5 answer praising the agent, kudos), and two a lead can push on
/// live: a promise due within two hours, and a check-in whose survey is still open.
/// </summary>
internal static class DemoLoop
{
    public const string LoopSubject = "Garden table order is late";
    public const string PromiseSubject = "Replacement kettle: when will it come?";
    public const string SurveySubject = "Refund for the cracked vase";

    /// <summary>Customers of the three stories.</summary>
    public static readonly string[] Customers = ["Olivia Bennett", "Ben Achebe", "Nora Lindqvist"];

    private const int Sam = 1, Jordan = 2, Riley = 4, Alex = 0;

    /// <summary>Plays the three stories; returns the kudos acceptance to make once the seed's transaction has committed.</summary>
    public static async Task<DeferredKudos?> PlayAsync(DemoRig rig, DemoPlayer player, IReadOnlyList<long> customerIds, IReadOnlyList<long> agentIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rig);
        ArgumentNullException.ThrowIfNull(player);
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(agentIds);
        var kudos = await WholeLoopAsync(rig, player, customerIds[0], agentIds, now, cancellationToken).ConfigureAwait(false);
        await SurveyOpenAsync(rig, player, customerIds[2], agentIds[Riley], now, cancellationToken).ConfigureAwait(false);
        await PromiseDueSoonAsync(rig, player, customerIds[1], agentIds[Jordan], now, cancellationToken).ConfigureAwait(false);
        return kudos;
    }

    private static async Task<DeferredKudos?> WholeLoopAsync(DemoRig rig, DemoPlayer player, long customerId, IReadOnlyList<long> agentIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Eight days ago at 09:30 UTC, on a day the orders team works (Monday to Saturday).
        var day = now.UtcDateTime.Date.AddDays(-8);
        day = day.DayOfWeek == DayOfWeek.Sunday ? day.AddDays(-1) : day;
        var start = new DateTimeOffset(day, TimeSpan.Zero).AddHours(9.5);
        var sam = agentIds[Sam];
        await rig.AdvanceAsync(start, cancellationToken).ConfigureAwait(false);
        var id = await player.StartAsync(customerId, Channel.Email, LoopSubject, ["delivery", "loop-story"], sam, cancellationToken).ConfigureAwait(false);
        await Say(DemoStepKind.Customer, "My garden table was supposed to arrive on Monday and there's still no sign of it. The tracking hasn't moved in four days and I'm hosting a family lunch on Sunday. I'm really frustrated.");

        // The reply comes a few minutes after the SLA clock's warning (business time, so read it off the clock's check).
        var warnAt = await rig.Db.DueWork.AsNoTracking().Where(w => w.Kind == SlaCheckHandler.WorkKind && w.SubjectId == id && w.DoneAt == null)
            .Select(w => (DateTimeOffset?)w.DueAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? start.AddHours(2);
        await rig.AdvanceAsync(warnAt.AddMinutes(4), cancellationToken).ConfigureAwait(false);
        await Say(DemoStepKind.Reply, "Hi Olivia, I'm so sorry your garden table hasn't arrived, especially with your family lunch on Sunday coming up; I completely understand how frustrating it is to watch the tracking sit still. I've contacted the warehouse and asked them to trace the parcel today. I'll update you by tomorrow 5pm with exactly where it is and when it will reach you.");

        // Kept 40 minutes before it is due, after the ledger's reminder.
        var promise = await rig.Db.Promises.AsNoTracking().Where(p => p.ConversationId == id).OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var keptAt = (promise?.DueAt ?? rig.Clock.GetUtcNow().AddHours(20)).AddMinutes(-40);
        await rig.AdvanceAsync(keptAt, cancellationToken).ConfigureAwait(false);
        await Say(DemoStepKind.Reply, "Hi Olivia, as promised, here's your update: the warehouse found your table, it's on the van and arrives on Saturday between 8:00 and 12:00, in time for your lunch. Thank you for bearing with us.");
        await Say(DemoStepKind.KeepPromises, null);
        await rig.AdvanceAsync(keptAt.AddMinutes(50), cancellationToken).ConfigureAwait(false);
        await Say(DemoStepKind.Customer, "That's brilliant news, thank you Sam! Saturday is perfect.");
        await rig.AdvanceAsync(keptAt.AddMinutes(65), cancellationToken).ConfigureAwait(false);
        await Say(DemoStepKind.Reply, "You're very welcome, Olivia! I hope the lunch is lovely.");

        var delivered = new DateTimeOffset(keptAt.UtcDateTime.Date, TimeSpan.Zero).AddDays(2).AddHours(10);
        await rig.AdvanceAsync(delivered, cancellationToken).ConfigureAwait(false);
        await Say(DemoStepKind.Customer, "The table arrived this morning and it's perfect. Thank you so much for sorting it out!");
        await rig.AdvanceAsync(delivered.AddMinutes(25), cancellationToken).ConfigureAwait(false);
        await Say(DemoStepKind.Resolve, null);

        // The follow-up job sends the check-in with its survey; Olivia answers that evening.
        var checkIn = await rig.Db.FollowUps.AsNoTracking().Where(f => f.ConversationId == id && f.Kind == FollowUpKind.Resolved)
            .Select(f => (DateTimeOffset?)f.DueAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? delivered.AddDays(3);
        var answeredAt = checkIn.AddHours(7);
        if (answeredAt >= now.AddHours(-1))
        {
            // A clock near midnight can make the week too short; the story then stops before the survey.
            return null;
        }

        await rig.AdvanceAsync(answeredAt, cancellationToken).ConfigureAwait(false);
        await Say(DemoStepKind.AnswerSurvey, "Sam was fantastic: kept me updated exactly when promised and the table arrived in time for our family lunch. Thank you!", 5, 5);
        rig.Db.ChangeTracker.Clear();

        // Alex, the team's lead, accepts Rapport's kudos suggestion the next morning (after the seed commits: it has its own transaction).
        var acceptAt = answeredAt.AddHours(14);
        return acceptAt < now ? new DeferredKudos(id, sam, agentIds[Alex], acceptAt) : null;

        async Task Say(DemoStepKind kind, string? text, int satisfaction = 0, int understood = 0)
        {
            await player.StepAsync(id, sam, 0, new DemoStep(rig.Clock.GetUtcNow(), kind, text, satisfaction, understood), cancellationToken).ConfigureAwait(false);
            rig.Db.ChangeTracker.Clear();
        }
    }

    private static async Task SurveyOpenAsync(DemoRig rig, DemoPlayer player, long customerId, long riley, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Resolved a little over three days ago: the check-in with its survey went out about an hour ago.
        var start = now.AddHours(-(72 + 3));
        await rig.AdvanceAsync(start, cancellationToken).ConfigureAwait(false);
        var id = await player.StartAsync(customerId, Channel.Chat, SurveySubject, ["refund", "damaged", "loop-story"], riley, cancellationToken).ConfigureAwait(false);
        await Step(start, DemoStepKind.Customer, "The vase I bought as a wedding gift arrived cracked. I'm so disappointed, the wedding is this weekend.");
        await Step(start.AddMinutes(6), DemoStepKind.Reply, "Hi Nora, I'm so sorry your vase arrived cracked, I know how disappointing that is when it was meant as a wedding gift. I've refunded the full amount to your card today, and you don't need to send anything back. Thank you for letting us know.");
        await Step(start.AddMinutes(20), DemoStepKind.Customer, "Thank you Riley, that's really kind of you.");
        await Step(start.AddMinutes(40), DemoStepKind.Resolve, null);

        async Task Step(DateTimeOffset at, DemoStepKind kind, string? text)
        {
            await rig.AdvanceAsync(at, cancellationToken).ConfigureAwait(false);
            await player.StepAsync(id, riley, 1, new DemoStep(at, kind, text), cancellationToken).ConfigureAwait(false);
            rig.Db.ChangeTracker.Clear();
        }
    }

    private static async Task PromiseDueSoonAsync(DemoRig rig, DemoPlayer player, long customerId, long jordan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Jordan promised an update within two hours, forty minutes ago: due in 80 minutes, reminded in 20.
        var start = now.AddMinutes(-70);
        await rig.AdvanceAsync(start, cancellationToken).ConfigureAwait(false);
        var id = await player.StartAsync(customerId, Channel.Chat, PromiseSubject, ["damaged", "loop-story"], jordan, cancellationToken).ConfigureAwait(false);
        await Step(start, DemoStepKind.Customer, "My kettle stopped working after a week. You said a replacement was coming but I have no idea when. I'm worried, we have no way to boil water.");
        await Step(now.AddMinutes(-40), DemoStepKind.Reply, "Hi Ben, sorry about the kettle. I've asked the warehouse to send the replacement by express. I'll update you within two hours with the tracking number.");

        async Task Step(DateTimeOffset at, DemoStepKind kind, string? text)
        {
            await rig.AdvanceAsync(at, cancellationToken).ConfigureAwait(false);
            await player.StepAsync(id, jordan, 0, new DemoStep(at, kind, text), cancellationToken).ConfigureAwait(false);
            rig.Db.ChangeTracker.Clear();
        }
    }
}

/// <summary>A kudos suggestion to accept once the seed's transaction has committed: the conversation, its agent, the lead and when.</summary>
internal sealed record DeferredKudos(long ConversationId, long AgentId, long LeadId, DateTimeOffset At);
