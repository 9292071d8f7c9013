using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rapport.Desk.Conversations;
using Rapport.Desk.Customers;
using Rapport.Desk.Data;
using Rapport.Desk.FollowUps;
using Rapport.Desk.Notifications;
using Rapport.Desk.Promises;
using Rapport.Desk.Recognition;
using Rapport.Desk.Scheduling;
using Rapport.Desk.Sla;
using Rapport.Desk.Surveys;

namespace Rapport.Desk.Demo;

/// <summary>
/// The desk's real services on one context whose every clock (the save interceptors', the services', the due-work
/// handlers') is a <see cref="DemoClock"/>, so the seeder can play weeks of history in a few seconds through the same
/// rules as the live desk. <see cref="RunDueWorkAsync"/> stands in for the scheduler: it runs each due row at its own time.
/// </summary>
internal sealed class DemoRig : IAsyncDisposable
{
    private readonly Dictionary<string, IDueWorkHandler> _handlers;

    public DemoRig(DbContextOptions<RapportDbContext> options, DemoClock clock, ILoggerFactory loggers,
        IOptions<FollowUpOptions> followUps, IOptions<SurveyOptions> surveys, IOptions<KudosOptions> kudos)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        Clock = clock;

        // The same provider and connection string (every extension but the core one), with interceptors on the demo
        // clock only: the core extension is where the app's interceptors live, and adding to it would keep them too.
        var builder = new DbContextOptionsBuilder<RapportDbContext>();
        var infrastructure = (IDbContextOptionsBuilderInfrastructure)builder;
        foreach (var extension in options.Extensions.Where(e => e is not CoreOptionsExtension))
        {
            infrastructure.AddOrUpdateExtension(extension);
        }

        builder.AddInterceptors(new SlaClockInterceptor(clock), new FollowUpInterceptor(clock, followUps));
        Db = new RapportDbContext(builder.Options);

        var priority = new PriorityCalculator(clock);
        Customers = new CustomerService(Db, clock);
        Conversations = new ConversationService(Db, clock, priority, loggers.CreateLogger<ConversationService>());
        Surveys = new SurveyService(Db, clock, surveys);
        Promises = new PromiseLedger(Db, clock, priority);
        FollowUps = new FollowUpService(Db, clock, followUps);
        Kudos = new KudosService(Db, clock);
        Suggestions = new KudosSuggestions(Db, clock, kudos);
        _handlers = new IDueWorkHandler[]
        {
            new SlaCheckHandler(clock, new Notifier()),
            new PromiseCheckHandler(clock, priority, new Notifier()),
            new FollowUpCheckHandler(clock, Surveys, surveys),
            new FollowUpQuietHandler(clock, priority),
        }.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    }

    public DemoClock Clock { get; }

    public RapportDbContext Db { get; }

    public CustomerService Customers { get; }

    public ConversationService Conversations { get; }

    public SurveyService Surveys { get; }

    public PromiseLedger Promises { get; }

    public FollowUpService FollowUps { get; }

    public KudosService Kudos { get; }

    public KudosSuggestions Suggestions { get; }

    /// <summary>Moves the clock to <paramref name="at"/>, first running every due row up to then at its own due time, oldest first.</summary>
    public async Task AdvanceAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        await RunDueWorkAsync(at, cancellationToken).ConfigureAwait(false);
        Clock.Set(at);
    }

    /// <summary>Runs the due rows up to <paramref name="until"/> one by one, the clock at each row's due time (as the scheduler would, on time).</summary>
    public async Task RunDueWorkAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        while (true)
        {
            var work = await Db.DueWork.Where(w => w.DoneAt == null && w.DueAt <= until)
                .OrderBy(w => w.DueAt).ThenBy(w => w.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (work is null)
            {
                return;
            }

            if (work.DueAt > Clock.GetUtcNow())
            {
                Clock.Set(work.DueAt);
            }

            // Claimed in the database first, as the sweeper does: a handler that reschedules its own kind and subject
            // (DueWorkSchedule) must then add a new row rather than find and move this one.
            var now = Clock.GetUtcNow();
            await Db.DueWork.Where(w => w.Id == work.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.DoneAt, now), cancellationToken).ConfigureAwait(false);
            work.DoneAt = now;
            Db.ChangeTracker.AcceptAllChanges();
            if (_handlers.TryGetValue(work.Kind, out var handler))
            {
                await handler.HandleAsync(work, Db, cancellationToken).ConfigureAwait(false);
            }

            await Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            Db.ChangeTracker.Clear();
        }
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
