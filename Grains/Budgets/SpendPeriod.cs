namespace OrleansAssistant.Grains.Budgets;

/// <summary>The stretch of time a budget counts in: a month in its zone, or a UTC day for the installation's cap.</summary>
/// <param name="Key">"2026-03" or "2026-03-14": names the period in notices and reports.</param>
/// <param name="EndsAt">The first instant of the next period: when the budget resets.</param>
public sealed record SpendPeriod(string Key, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public bool Contains(DateTimeOffset instant) => instant >= StartsAt && instant < EndsAt;

    /// <summary>Whole days until the reset, counting a started day as one; 0 once it has passed.</summary>
    public int DaysToReset(DateTimeOffset now) => now >= EndsAt ? 0 : (int)Math.Ceiling((EndsAt - now).TotalDays);

    public static SpendPeriod MonthOf(DateTimeOffset now, TimeZoneInfo zone)
    {
        var month = BudgetMonth.Containing(now, zone);
        return new SpendPeriod(month.Key, month.StartsAt, month.EndsAt);
    }

    public static SpendPeriod UtcDayOf(DateTimeOffset now)
    {
        var start = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return new SpendPeriod(start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), start, start.AddDays(1));
    }
}
