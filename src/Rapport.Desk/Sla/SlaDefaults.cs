using Microsoft.EntityFrameworkCore;
using Rapport.Core.Sla;
using Rapport.Desk.Conversations;
using Rapport.Desk.Data;

namespace Rapport.Desk.Sla;

/// <summary>The policies a new desk starts with (first / next response, business minutes) and the demo teams' hours.</summary>
public static class SlaDefaults
{
    private static readonly Dictionary<Channel, (int First, int Next)> NormalTargets = new()
    {
        [Channel.Chat] = (15, 15),
        [Channel.Phone] = (60, 120),
        [Channel.Social] = (120, 240),
        [Channel.Email] = (240, 480),
        [Channel.Web] = (240, 480),
    };

    /// <summary>Urgent a quarter, high half, low double the normal target.</summary>
    private static readonly Dictionary<SlaPriority, double> BandFactor = new()
    {
        [SlaPriority.Urgent] = 0.25,
        [SlaPriority.High] = 0.5,
        [SlaPriority.Normal] = 1,
        [SlaPriority.Low] = 2,
    };

    public static SlaPolicy Policy(Channel channel, SlaPriority priority)
    {
        var (first, next) = NormalTargets[channel];
        var factor = BandFactor[priority];
        return new SlaPolicy
        {
            Channel = channel,
            Priority = priority,
            FirstResponseMinutes = Math.Max(5, (int)(first * factor)),
            NextResponseMinutes = Math.Max(5, (int)(next * factor)),
        };
    }

    /// <summary>Adds the default policy of every channel and band that has none. Idempotent.</summary>
    public static async Task<int> EnsurePoliciesAsync(RapportDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.SlaPolicies.Select(p => new { p.Channel, p.Priority }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var added = 0;
        foreach (var channel in Enum.GetValues<Channel>())
        {
            foreach (var priority in Enum.GetValues<SlaPriority>())
            {
                if (!existing.Any(e => e.Channel == channel && e.Priority == priority))
                {
                    db.SlaPolicies.Add(Policy(channel, priority));
                    added++;
                }
            }
        }

        if (added > 0)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    /// <summary>The demo teams' hours: orders Mon–Sat 08:00–20:00, billing Mon–Fri 09:00–17:30, both Europe/London, closed on Christmas and New Year.</summary>
    public static async Task SeedDemoHoursAsync(RapportDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var year = time.GetUtcNow().Year;
        var holidays = TeamHoursText.FormatHolidays([new(year, 12, 25), new(year, 12, 26), new(year + 1, 1, 1)]);
        var teams = await db.Teams.Where(t => !db.TeamHours.Any(h => h.TeamId == t.Id)).OrderBy(t => t.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < teams.Count; i++)
        {
            var (days, open, close) = i % 2 == 0 ? (6, TimeSpan.FromHours(8), TimeSpan.FromHours(20)) : (5, TimeSpan.FromHours(9), TimeSpan.FromHours(17.5));
            var week = Enumerable.Range(1, days).ToDictionary(d => (DayOfWeek)d, _ => new BusinessHours(open, close));
            db.TeamHours.Add(new TeamHours { TeamId = teams[i].Id, TimeZone = "Europe/London", Week = TeamHoursText.FormatWeek(week), Holidays = holidays });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
