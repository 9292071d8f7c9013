using System.Globalization;
using Rapport.Core.Sla;
using Rapport.Desk.Agents;

namespace Rapport.Desk.Sla;

/// <summary>A team's business hours and holidays in its time zone; a team without a row is open around the clock.</summary>
public sealed class TeamHours
{
    public long TeamId { get; set; }

    public Team? Team { get; set; }

    /// <summary>An IANA time zone id such as Europe/London.</summary>
    public required string TimeZone { get; set; }

    /// <summary>"mon 09:00-17:00;tue 09:00-17:00": open days with their hours (<see cref="TeamHoursText"/>).</summary>
    public string Week { get; set; } = "";

    /// <summary>"2026-12-25;2026-12-26": local dates the team is closed.</summary>
    public string Holidays { get; set; } = "";

    public BusinessCalendar ToCalendar() =>
        new(TeamHoursText.Zone(TimeZone) ?? TimeZoneInfo.Utc, TeamHoursText.ParseWeek(Week), TeamHoursText.ParseHolidays(Holidays));
}

/// <summary>The stored text form of <see cref="TeamHours"/>; what is stored was validated, so parsing skips what it cannot read.</summary>
public static class TeamHoursText
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static TimeZoneInfo? Zone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    public static string FormatWeek(IReadOnlyDictionary<DayOfWeek, BusinessHours> week) =>
        string.Join(';', week.OrderBy(d => ((int)d.Key + 6) % 7).Select(d => $"{DayNames[(int)d.Key]} {Time(d.Value.Open)}-{Time(d.Value.Close)}"));

    public static Dictionary<DayOfWeek, BusinessHours> ParseWeek(string text)
    {
        var week = new Dictionary<DayOfWeek, BusinessHours>();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
            var day = Array.IndexOf(DayNames, pieces[0]);
            if (pieces.Length == 3 && day >= 0 && TryTime(pieces[1], out var open) && TryTime(pieces[2], out var close) && close > open)
            {
                week[(DayOfWeek)day] = new BusinessHours(open, close);
            }
        }

        return week;
    }

    public static string FormatHolidays(IEnumerable<DateOnly> days) =>
        string.Join(';', days.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    public static List<DateOnly> ParseHolidays(string text) =>
        [.. (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateOnly?)null)
            .OfType<DateOnly>()];

    /// <summary>"09:00" or "24:00" → time since midnight.</summary>
    public static bool TryTime(string text, out TimeSpan time)
    {
        time = default;
        if (text is not { Length: 5 } || text[2] != ':'
            || !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes > 59 || hours > 24 || (hours == 24 && minutes > 0))
        {
            return false;
        }

        time = new TimeSpan(hours, minutes, 0);
        return true;
    }

    public static string Time(TimeSpan time) => $"{(int)time.TotalHours:00}:{time.Minutes:00}";

    public static string DayName(DayOfWeek day) => DayNames[(int)day];
}
