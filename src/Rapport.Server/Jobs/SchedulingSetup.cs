using Quartz;
using Rapport.Desk.Scheduling;
using Rapport.Server.Data;

namespace Rapport.Server.Jobs;

/// <summary>
/// Quartz with its persistent store in the desk's own database (SQLite or PostgreSQL): Quartz creates its QRTZ_ tables
/// when they are missing (ProvisionSchema, idempotent and race-safe), EF owns everything else
/// (docs/decisions/0013-scheduling.md). Clustered on PostgreSQL (each node its own generated instance id), so several
/// server instances can share one database: a trigger fires on one node, and a
/// <see cref="DisallowConcurrentExecutionAttribute"/> job never runs twice at once anywhere. Two jobs: the due-work
/// sweep and the analytics rollup. Time comes from the container's <see cref="TimeProvider"/>.
/// </summary>
internal static class SchedulingSetup
{
    public static void AddRapportScheduling(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<AnalyticsRollupOptions>().BindConfiguration(AnalyticsRollupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DueWorkSweeper>();
        var options = builder.Configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        var analytics = builder.Configuration.GetSection(AnalyticsRollupOptions.Section).Get<AnalyticsRollupOptions>() ?? new AnalyticsRollupOptions();
        if (!options.Enabled)
        {
            return;
        }

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString("Rapport") ?? DatabaseSetup.DefaultConnectionString;
        builder.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "rapport");
            q.UsePersistentStore(store =>
            {
                if (database.Provider == "PostgreSql")
                {
                    store.UsePostgres(connectionString);
                }
                else
                {
                    store.UseSqlite(connectionString);
                }

                store.ProvisionSchema();

                // Quartz refuses clustering on SQLite (its locking cannot serve it); a SQLite desk is one instance on one machine.
                if (options.Clustered && database.Provider == "PostgreSql")
                {
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = options.ClusterCheckinInterval;
                        c.CheckinMisfireThreshold = options.ClusterCheckinMisfireThreshold;
                    });
                }
            });
            q.ScheduleJob<DueWorkSweepJob>(
                trigger => trigger.WithIdentity(DueWorkSweepJob.Name).StartNow().WithSimpleSchedule(options.SweepInterval),
                job => job.WithIdentity(DueWorkSweepJob.Name).StoreDurably().DisallowConcurrentExecution());
            if (analytics.Enabled)
            {
                q.ScheduleJob<AnalyticsRollupJob>(
                    trigger => trigger.WithIdentity(AnalyticsRollupJob.Name).StartNow().WithSimpleSchedule(analytics.Interval),
                    job => job.WithIdentity(AnalyticsRollupJob.Name).StoreDurably().DisallowConcurrentExecution());
            }
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}
