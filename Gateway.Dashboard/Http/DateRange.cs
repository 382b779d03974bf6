using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OrleansAssistant.Gateway.Dashboard.Http;

/// <summary>
/// A report's range from the <c>from</c>/<c>to</c> query: whole UTC days, both inclusive, as the
/// half-open instants [From, To) the ledger is asked for. Default: the last 30 days up to today.
/// </summary>
internal sealed record DateRange(DateTimeOffset From, DateTimeOffset To)
{
    public const int DefaultDays = 30;

    // Ten years is more than anyone keeps costs for, and keeps a typo from scanning forever.
    private const int MaxDays = 3660;

    public static (DateRange? Range, ValidationProblem? Problem) Parse(string? from, string? to, TimeProvider time)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!TryDay(to, today, out var lastDay)) return (null, Problems.Invalid("to", "Dates are written yyyy-MM-dd, e.g. 2026-11-26."));
        if (!TryDay(from, lastDay.AddDays(1 - DefaultDays), out var firstDay)) return (null, Problems.Invalid("from", "Dates are written yyyy-MM-dd, e.g. 2026-11-01."));
        if (firstDay > lastDay) return (null, Problems.Invalid("from", "The start date must not be after the end date."));
        if (lastDay.DayNumber - firstDay.DayNumber >= MaxDays) return (null, Problems.Invalid("from", "A report covers at most ten years."));
        return (new DateRange(Start(firstDay), Start(lastDay.AddDays(1))), null);
    }

    /// <summary>This calendar month (UTC) up to the end of today.</summary>
    public static DateRange MonthToDate(TimeProvider time)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return new DateRange(Start(new DateOnly(today.Year, today.Month, 1)), Start(today.AddDays(1)));
    }

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            day = fallback;
            return true;
        }
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
            && day.Year is >= 2000 and <= 9998;
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
