using System.Globalization;

namespace OrleansAssistant.CustomerDatabases.Demo;

/// <summary>Random dates and the text formats SQLite's date functions understand.</summary>
internal static class DemoDates
{
    public static DateOnly RandomDay(Random random, DateOnly first, DateOnly last) =>
        DateOnly.FromDayNumber(random.Next(first.DayNumber, last.DayNumber + 1));

    /// <summary>A time between <paramref name="fromHour"/>:00 and <paramref name="toHour"/>:00.</summary>
    public static TimeOnly RandomTime(Random random, int fromHour, int toHour) =>
        new(random.Next(fromHour * 3600, toHour * 3600) * TimeSpan.TicksPerSecond);

    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(DateOnly day, TimeOnly time) =>
        day.ToDateTime(time).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
