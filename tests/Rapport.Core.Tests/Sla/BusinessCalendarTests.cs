using Rapport.Core.Sla;

namespace Rapport.Core.Tests.Sla;

public sealed class BusinessCalendarTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static BusinessCalendar NineToFive(params DateOnly[] holidays) => new(
        London,
        Enumerable.Range(1, 5).ToDictionary(d => (DayOfWeek)d, _ => new BusinessHours(TimeSpan.FromHours(9), TimeSpan.FromHours(17))),
        holidays);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Add_WithinOpenHours_IsPlainAddition() =>
        Assert.Equal(Utc(2026, 11, 24, 10, 30), NineToFive().Add(Utc(2026, 11, 24, 10), TimeSpan.FromMinutes(30)));

    [Fact]
    public void Add_PastClosing_ContinuesAtNextOpening()
    {
        // Tuesday 16:50 + 30 min: 10 today, 20 on Wednesday morning.
        Assert.Equal(Utc(2026, 11, 25, 9, 20), NineToFive().Add(Utc(2026, 11, 24, 16, 50), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Add_OverWeekendAndHoliday_SkipsClosedDays()
    {
        // Friday 16:55 + 10 min, Monday a holiday: Tuesday 09:05.
        var calendar = NineToFive(new DateOnly(2026, 11, 23));
        Assert.Equal(Utc(2026, 11, 24, 9, 5), calendar.Add(Utc(2026, 11, 20, 16, 55), TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void Add_BeforeOpening_StartsAtOpening() =>
        Assert.Equal(Utc(2026, 11, 24, 9, 15), NineToFive().Add(Utc(2026, 11, 24, 3), TimeSpan.FromMinutes(15)));

    [Fact]
    public void Add_InSummer_UsesTheLocalOffset()
    {
        // July: London is UTC+1, so 09:00 local is 08:00 UTC.
        Assert.Equal(Utc(2026, 7, 7, 8, 10), NineToFive().Add(Utc(2026, 7, 7, 6), TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void Between_CountsOnlyOpenTime()
    {
        var calendar = NineToFive(new DateOnly(2026, 11, 23));
        Assert.Equal(TimeSpan.FromMinutes(10), calendar.Between(Utc(2026, 11, 20, 16, 55), Utc(2026, 11, 24, 9, 5)));
        Assert.Equal(TimeSpan.Zero, calendar.Between(Utc(2026, 11, 21, 10), Utc(2026, 11, 21, 15)));
        Assert.Equal(TimeSpan.Zero, calendar.Between(Utc(2026, 11, 24, 12), Utc(2026, 11, 24, 11)));
    }

    [Fact]
    public void Between_IsTheInverseOfAdd()
    {
        var calendar = NineToFive(new DateOnly(2026, 12, 25));
        var start = Utc(2026, 12, 23, 15, 17);
        foreach (var minutes in new[] { 1, 43, 480, 1000, 5000 })
        {
            var end = calendar.Add(start, TimeSpan.FromMinutes(minutes));
            Assert.Equal(TimeSpan.FromMinutes(minutes), calendar.Between(start, end));
        }
    }

    [Fact]
    public void IsOpen_FollowsHoursAndHolidays()
    {
        var calendar = NineToFive(new DateOnly(2026, 11, 23));
        Assert.True(calendar.IsOpen(Utc(2026, 11, 24, 9)));
        Assert.False(calendar.IsOpen(Utc(2026, 11, 24, 17)));
        Assert.False(calendar.IsOpen(Utc(2026, 11, 23, 12)));
        Assert.False(calendar.IsOpen(Utc(2026, 11, 22, 12)));
    }

    [Fact]
    public void AlwaysOpen_CountsWallClockTime() =>
        Assert.Equal(TimeSpan.FromHours(49), BusinessCalendar.AlwaysOpen.Between(Utc(2026, 11, 20, 23), Utc(2026, 11, 23, 0)));

    [Fact]
    public void Add_WithNoOpenDay_ReturnsTheStart()
    {
        var closed = new BusinessCalendar(London, new Dictionary<DayOfWeek, BusinessHours>(), []);
        Assert.Equal(Utc(2026, 11, 24, 10), closed.Add(Utc(2026, 11, 24, 10), TimeSpan.FromHours(1)));
    }
}
