using System.Globalization;

namespace OrleansAssistant.Grains.Budgets;

/// <summary>
/// The calendar month a monthly budget counts in, read on the wall clock of the organization's (or person's) time zone:
/// from local midnight on the 1st to local midnight on the next 1st, as UTC instants. Months in zones with daylight saving
/// are an hour shorter or longer; a month whose local midnight is skipped by a change starts at the first instant after the gap.
/// </summary>
/// <param name="StartsAt">The first instant of the month (inclusive), UTC.</param>
/// <param name="EndsAt">The first instant of the next month (exclusive), UTC: when the budget resets.</param>
public sealed record BudgetMonth(int Year, int Month, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    /// <summary>"2026-03": the month's name in the ledger and in reports.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    public static BudgetMonth Containing(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var first = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new BudgetMonth(local.Year, local.Month, MidnightToUtc(first, zone), MidnightToUtc(first.AddMonths(1), zone));
    }

    public bool Contains(DateTimeOffset instant) => instant >= StartsAt && instant < EndsAt;

    /// <summary>Whole days until the reset, counting a started day as one ("resets in 3 days"); 0 once it has passed.</summary>
    public int DaysToReset(DateTimeOffset now) => now >= EndsAt ? 0 : (int)Math.Ceiling((EndsAt - now).TotalDays);

    /// <summary>Local midnight as a UTC instant; a skipped midnight becomes the first instant after the gap, a repeated one its first passing.</summary>
    private static DateTimeOffset MidnightToUtc(DateTime localMidnight, TimeZoneInfo zone)
    {
        var local = localMidnight;
        // Gaps are whole minutes (an hour, or half an hour in a few zones); the first valid minute is the start.
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
