using System.Globalization;

namespace OrleansAssistant.Gateway.Bot.Budgets;

/// <summary>When a budget starts again, as people read it: "1 January (in 25 days)", or for the installation's day "00:00 UTC".</summary>
internal static class BudgetReset
{
    /// <summary>The widest offset from UTC any zone has; a month's first midnight lies this close to the 1st in UTC.</summary>
    private static readonly TimeSpan WidestOffset = TimeSpan.FromHours(14);

    /// <summary>"1 January (in 25 days)": the date in the budget's zone and the whole days left.</summary>
    /// <param name="timeZone">The budget's zone (IANA id); null or unknown: the date is read from the instant alone (<see cref="MonthOf"/>).</param>
    public static string Phrase(DateTimeOffset resetsAt, string? timeZone, DateTimeOffset now) =>
        $"{DateOf(resetsAt, timeZone).ToString("d MMMM", CultureInfo.InvariantCulture)} ({In(DaysUntil(resetsAt, now))})";

    /// <summary>"in 25 days", "tomorrow".</summary>
    public static string In(int days) => days <= 1 ? "tomorrow" : $"in {days} days";

    /// <summary>Whole days until the reset, counting a part of a day as one (a reset in 3 hours is "tomorrow").</summary>
    public static int DaysUntil(DateTimeOffset resetsAt, DateTimeOffset now) => Math.Max(1, (int)Math.Ceiling((resetsAt - now).TotalDays));

    private static DateTime DateOf(DateTimeOffset resetsAt, string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
            ? TimeZoneInfo.ConvertTime(resetsAt, zone).Date
            : MonthOf(resetsAt);

    /// <summary>
    /// A monthly reset is midnight of a 1st in some zone, so in UTC it lies within 14 hours of that 1st: the 1st of the
    /// month 14 hours after the instant is the date in every zone.
    /// </summary>
    private static DateTime MonthOf(DateTimeOffset resetsAt)
    {
        var shifted = resetsAt.UtcDateTime + WidestOffset;
        return new DateTime(shifted.Year, shifted.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
    }
}
