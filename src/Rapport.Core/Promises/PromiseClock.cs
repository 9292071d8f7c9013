namespace Rapport.Core.Promises;

/// <summary>
/// What due times are resolved against: the moment the reply was written and the desk's time zone. Business hours end
/// at <see cref="EndOfBusiness"/>, Monday to Friday (holidays are the SLA work's business calendar, not this one).
/// </summary>
/// <param name="Now">When the reply was written.</param>
/// <param name="Zone">The time zone "tomorrow" and "Friday" are meant in.</param>
public readonly record struct PromiseClock(DateTimeOffset Now, TimeZoneInfo Zone)
{
    /// <summary>The end of a business day, 17:00 local: "tomorrow" and "by Friday" mean that day at this hour.</summary>
    public static readonly TimeOnly EndOfBusiness = new(17, 0);

    /// <summary>The reference time in UTC.</summary>
    public static PromiseClock Utc(DateTimeOffset now) => new(now, TimeZoneInfo.Utc);
}
