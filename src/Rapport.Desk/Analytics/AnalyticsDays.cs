namespace Rapport.Desk.Analytics;

/// <summary>Analytics count in UTC days since 1970-01-01 and in weeks starting on Monday.</summary>
public static class AnalyticsDays
{
    private const long MillisecondsPerDay = 86_400_000;

    /// <summary>The UTC day of <paramref name="at"/>.</summary>
    public static int Of(DateTimeOffset at) => (int)Math.Floor(at.ToUnixTimeMilliseconds() / (double)MillisecondsPerDay);

    /// <summary>The start (UTC midnight) of <paramref name="day"/>.</summary>
    public static DateTimeOffset Start(int day) => DateTimeOffset.FromUnixTimeMilliseconds(day * MillisecondsPerDay);

    /// <summary>The week of <paramref name="day"/>: weeks start on Monday (1970-01-01 was a Thursday).</summary>
    public static int Week(int day) => (int)Math.Floor((day + 3) / 7.0);

    /// <summary>The Monday that starts <paramref name="week"/>.</summary>
    public static DateOnly WeekStart(int week) => DateOnly.FromDateTime(Start((week * 7) - 3).UtcDateTime);

    /// <summary>The date of <paramref name="day"/>.</summary>
    public static DateOnly Date(int day) => DateOnly.FromDateTime(Start(day).UtcDateTime);

    /// <summary>The day of <paramref name="date"/>.</summary>
    public static int Of(DateOnly date) => Of(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
}
