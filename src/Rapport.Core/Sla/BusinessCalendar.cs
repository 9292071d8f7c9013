namespace Rapport.Core.Sla;

/// <summary>
/// When a team works: opening hours per weekday and holidays, in the team's time zone. Adds and measures business
/// time between instants (SLA clocks run only while the team is open). Immutable and thread-safe.
/// </summary>
public sealed class BusinessCalendar
{
    // Ten years of closed days at most: a calendar with no open day at all would otherwise loop for ever.
    private const int MaxDays = 3660;

    private readonly Dictionary<DayOfWeek, BusinessHours> _week;
    private readonly HashSet<DateOnly> _holidays;

    /// <summary>A calendar in <paramref name="zone"/> open at <paramref name="week"/>'s hours, closed on <paramref name="holidays"/>.</summary>
    /// <param name="zone">The team's time zone; hours and holidays are local to it.</param>
    /// <param name="week">Opening hours per weekday; a missing day is closed.</param>
    /// <param name="holidays">Local dates on which the team is closed.</param>
    public BusinessCalendar(TimeZoneInfo zone, IReadOnlyDictionary<DayOfWeek, BusinessHours> week, IEnumerable<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(holidays);
        Zone = zone;
        _week = week.Where(d => d.Value.Close > d.Value.Open).ToDictionary(d => d.Key, d => d.Value);
        _holidays = [.. holidays];
    }

    /// <summary>Open all day, every day, in UTC: the calendar of a team without hours.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(
        TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => BusinessHours.AllDay), []);

    /// <summary>The time zone the hours and holidays are in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Whether the calendar has any open hours at all.</summary>
    public bool HasOpenHours => _week.Count > 0;

    /// <summary>Whether the team is open at <paramref name="at"/>.</summary>
    public bool IsOpen(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        return Window(DateOnly.FromDateTime(local.DateTime)) is { } w && at >= w.Start && at < w.End;
    }

    /// <summary>The instant <paramref name="businessTime"/> of open hours after <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessTime)
    {
        if (businessTime <= TimeSpan.Zero || !HasOpenHours)
        {
            return start;
        }

        var left = businessTime;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, Zone).DateTime);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
        {
            if (Window(day) is not { } w || w.End <= start)
            {
                continue;
            }

            var from = w.Start > start ? w.Start : start;
            var available = w.End - from;
            if (available >= left)
            {
                return from + left;
            }

            left -= available;
        }

        return start + businessTime;
    }

    /// <summary>Open time between <paramref name="from"/> and <paramref name="to"/> (zero when <paramref name="to"/> is not later).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from || !HasOpenHours)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, Zone).DateTime);
        for (var i = 0; i < MaxDays; i++, day = day.AddDays(1))
        {
            if (Window(day) is not { } w)
            {
                continue;
            }

            if (w.Start >= to)
            {
                break;
            }

            var start = w.Start > from ? w.Start : from;
            var end = w.End < to ? w.End : to;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }

    // The open window of one local date as instants, or null when closed (holiday, no hours).
    private (DateTimeOffset Start, DateTimeOffset End)? Window(DateOnly day)
    {
        if (_holidays.Contains(day) || !_week.TryGetValue(day.DayOfWeek, out var hours))
        {
            return null;
        }

        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return (ToInstant(midnight + hours.Open), ToInstant(midnight + hours.Close));
    }

    private DateTimeOffset ToInstant(DateTime local)
    {
        // A local time skipped by a daylight-saving jump opens an hour later; an ambiguous one takes the standard offset.
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.BaseUtcOffset : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}

/// <summary>Opening hours of one day, as times since local midnight (<see cref="Close"/> may be 24:00).</summary>
/// <param name="Open">When the team opens.</param>
/// <param name="Close">When it closes; not after 24:00.</param>
public readonly record struct BusinessHours(TimeSpan Open, TimeSpan Close)
{
    /// <summary>00:00 to 24:00.</summary>
    public static BusinessHours AllDay { get; } = new(TimeSpan.Zero, TimeSpan.FromHours(24));
}
