using Microsoft.EntityFrameworkCore;
using Rapport.Core.Sla;
using Rapport.Desk.Data;

namespace Rapport.Desk.Sla;

/// <summary>Loads the calendars clocks run on: a team's hours, or around the clock for no team or a team without hours.</summary>
internal static class SlaCalendars
{
    public static async Task<Dictionary<long, BusinessCalendar>> LoadAsync(RapportDbContext db, IEnumerable<long?> teamIds, CancellationToken cancellationToken)
    {
        var ids = teamIds.OfType<long>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var hours = await db.TeamHours.AsNoTracking().Where(h => ids.Contains(h.TeamId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return hours.ToDictionary(h => h.TeamId, h => h.ToCalendar());
    }

    public static BusinessCalendar For(Dictionary<long, BusinessCalendar> calendars, long? teamId) =>
        teamId is { } id && calendars.TryGetValue(id, out var calendar) ? calendar : BusinessCalendar.AlwaysOpen;

    /// <summary>The clock read at <paramref name="now"/> on <paramref name="calendar"/>.</summary>
    public static SlaReading Read(SlaClock clock, BusinessCalendar calendar, DateTimeOffset now) =>
        SlaRules.Read(calendar, clock.StartedAt, TimeSpan.FromSeconds(clock.TargetSeconds), TimeSpan.FromSeconds(clock.PausedSeconds), clock.PausedAt, now);

    /// <summary>The strongest of frustration, anger and impatience in a reading (0 when none).</summary>
    public static double Frustration(Conversations.MessageReading? reading)
    {
        if (reading is null)
        {
            return 0;
        }

        var scores = reading.Scores();
        return Math.Max(scores.GetValueOrDefault("frustration"), Math.Max(scores.GetValueOrDefault("anger"), scores.GetValueOrDefault("impatience")));
    }
}
