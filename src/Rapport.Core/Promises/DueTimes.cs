using System.Globalization;
using System.Text.RegularExpressions;

namespace Rapport.Core.Promises;

/// <summary>Resolves the first time expression of a sentence to a due time (the table in docs/promises.md).</summary>
internal static partial class DueTimes
{
    private static readonly TimeOnly Noon = new(12, 0);
    private static readonly TimeOnly Evening = new(20, 0);

    public static (DateTimeOffset Due, string? When) Resolve(string text, int start, int end, PromiseClock clock)
    {
        var now = clock.Now;
        var local = TimeZoneInfo.ConvertTime(now, clock.Zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var m = When().Match(text, start, end - start);
        if (!m.Success)
        {
            return (At(clock, NextBusinessDay(today), PromiseClock.EndOfBusiness), null);
        }

        var due = m switch
        {
            _ when m.Groups["inN"].Success => InN(m, clock, now, today),
            _ when m.Groups["withinHour"].Success => now.AddHours(1),
            _ when m.Groups["tomorrow"].Success => At(clock, today.AddDays(1), PartOfDay(m.Groups["part"].Value)),
            _ when m.Groups["today"].Success => Later(now, At(clock, today, PartOfDay(m.Groups["part"].Value, m.Value))),
            _ when m.Groups["clock"].Success => ClockTime(m, clock, now, today),
            _ when m.Groups["day"].Success => Weekday(m.Groups["day"].Value, clock, local, today),
            _ when m.Groups["endOfWeek"].Success => At(clock, Next(today, DayOfWeek.Friday, includeToday: true), PromiseClock.EndOfBusiness),
            _ when m.Groups["nextWeek"].Success => At(clock, Next(today, DayOfWeek.Monday, includeToday: false).AddDays(4), PromiseClock.EndOfBusiness),
            _ => now + PromiseDetector.SoonDelay,
        };
        return (due, m.Value.Trim());
    }

    private static DateTimeOffset InN(Match m, PromiseClock clock, DateTimeOffset now, DateOnly today)
    {
        var n = Number(m.Groups["n"].Value);
        var unit = m.Groups["unit"].Value.ToLowerInvariant();
        return unit switch
        {
            _ when unit.StartsWith("min", StringComparison.Ordinal) => now.AddMinutes(n),
            _ when unit.StartsWith('h') => now.AddHours(n),
            _ when unit.StartsWith("business", StringComparison.Ordinal) || unit.StartsWith("working", StringComparison.Ordinal) =>
                At(clock, AddBusinessDays(today, n), PromiseClock.EndOfBusiness),
            _ when unit.StartsWith("week", StringComparison.Ordinal) => At(clock, today.AddDays(7 * n), PromiseClock.EndOfBusiness),
            _ => At(clock, today.AddDays(n), PromiseClock.EndOfBusiness),
        };
    }

    private static DateTimeOffset ClockTime(Match m, PromiseClock clock, DateTimeOffset now, DateOnly today)
    {
        var hour = int.Parse(m.Groups["hour"].Value, CultureInfo.InvariantCulture) % 12;
        if (m.Groups["ampm"].Value.StartsWith('p') || m.Groups["ampm"].Value.StartsWith('P'))
        {
            hour += 12;
        }

        var minute = m.Groups["minute"].Success ? Math.Min(59, int.Parse(m.Groups["minute"].Value, CultureInfo.InvariantCulture)) : 0;
        var at = At(clock, today, new TimeOnly(hour, minute));
        return at > now ? at : At(clock, today.AddDays(1), new TimeOnly(hour, minute));
    }

    // "Friday" said on a Friday before the end of business means today; otherwise the next Friday. "next Friday" is the
    // nearest Friday too (English is ambiguous; the nearer reading makes a reminder early rather than late).
    private static DateTimeOffset Weekday(string name, PromiseClock clock, DateTimeOffset local, DateOnly today)
    {
        var day = Enum.Parse<DayOfWeek>(name, ignoreCase: true);
        var includeToday = TimeOnly.FromDateTime(local.DateTime) < PromiseClock.EndOfBusiness;
        return At(clock, Next(today, day, includeToday), PromiseClock.EndOfBusiness);
    }

    private static TimeOnly PartOfDay(string part, string phrase = "") =>
        part.ToLowerInvariant() switch
        {
            "morning" => Noon,
            "evening" => Evening,
            _ when phrase.Contains("tonight", StringComparison.OrdinalIgnoreCase) => Evening,
            _ => PromiseClock.EndOfBusiness,
        };

    // "Later today" at 17:30 still gives the agent an hour.
    private static DateTimeOffset Later(DateTimeOffset now, DateTimeOffset due) => due > now.AddHours(1) ? due : now.AddHours(1);

    private static DateOnly Next(DateOnly from, DayOfWeek day, bool includeToday)
    {
        var ahead = ((int)day - (int)from.DayOfWeek + 7) % 7;
        return from.AddDays(ahead == 0 && !includeToday ? 7 : ahead);
    }

    private static DateOnly NextBusinessDay(DateOnly from) => AddBusinessDays(from, 1);

    private static DateOnly AddBusinessDays(DateOnly from, int days)
    {
        var date = from;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return date;
    }

    private static DateTimeOffset At(PromiseClock clock, DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local));
    }

    private static int Number(string word) => word.ToLowerInvariant() switch
    {
        "a" or "an" or "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "twelve" => 12,
        var digits => Math.Clamp(int.Parse(digits, CultureInfo.InvariantCulture), 0, 999),
    };

    [GeneratedRegex("""
          (?<inN>\b(?:in|within)\s+(?:the\s+next\s+)?(?<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d{1,3})\s+(?<unit>minutes?|mins?|hours?|hrs?|business\s+days?|working\s+days?|days?|weeks?)\b)
        | (?<withinHour>\bwithin\s+the\s+hour\b)
        | (?<tomorrow>\btomorrow(?:\s+(?<part>morning|afternoon|evening))?\b)
        | (?<today>\b(?:later\s+today|today|this\s+(?<part>morning|afternoon|evening)|tonight|by\s+(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|business)|by\s+eod|by\s+close\s+of\s+business)\b)
        | (?<clock>\b(?:by|at|before)\s+(?<hour>1[0-2]|0?[1-9])(?::(?<minute>[0-5]\d))?\s*(?<ampm>am|pm|a\.m\.|p\.m\.))
        | (?<endOfWeek>\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the|this)\s+week\b|\bthis\s+week\b)
        | (?<nextWeek>\bnext\s+week\b)
        | (?<weekday>\b(?:(?:by|on|this|next|until|before)\s+)?(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)
        | (?<soon>\b(?:asap|as\s+soon\s+as\s+possible|right\s+away|straight\s+away|shortly|immediately|soon)\b)
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture, 200)]
    private static partial Regex When();
}
