namespace OrleansAssistant.CustomerDatabases.Demo;

/// <summary>
/// How many orders each day gets: busier in November and December, on Black Friday and Cyber
/// Monday, quieter on Sundays and holidays, growing about 8 % a year. Only basic arithmetic, so
/// every platform computes the same numbers.
/// </summary>
internal static class OrderCalendar
{
    /// <summary>History covers 2024 and 2025 in full and 2026 up to a fixed reference date, never "today", so content never changes.</summary>
    public static readonly DateOnly FirstDay = new(2024, 1, 1);

    public static readonly DateOnly LastDay = new(2026, 10, 31);

    private const int TargetOrderCount = 12_500;

    private static readonly double[] MonthWeights = [0.80, 0.80, 0.95, 0.95, 1.00, 0.95, 0.90, 1.05, 1.00, 1.05, 1.50, 1.80];

    private static readonly double[] YearGrowth = [1.00, 1.08, 1.17];

    public static IReadOnlyList<(DateOnly Day, int Orders)> DailyOrderCounts(Random random)
    {
        var days = Enumerable.Range(FirstDay.DayNumber, LastDay.DayNumber - FirstDay.DayNumber + 1).Select(DateOnly.FromDayNumber).ToArray();
        var totalWeight = days.Sum(Weight);
        // Random rounding keeps fractional expectations fair: 12.4 becomes 13 four times in ten.
        return [.. days.Select(day => (day, (int)(TargetOrderCount * Weight(day) / totalWeight + random.NextDouble())))];
    }

    /// <summary>Black Friday to Cyber Monday and the week after Christmas, when shops run promotions.</summary>
    public static bool IsPromotionDay(DateOnly day)
    {
        var thanksgiving = Thanksgiving(day.Year);
        return (day > thanksgiving && day <= thanksgiving.AddDays(4)) || (day.Month == 12 && day.Day >= 26);
    }

    private static double Weight(DateOnly day) =>
        MonthWeights[day.Month - 1] * YearGrowth[day.Year - FirstDay.Year] * DayOfWeekWeight(day.DayOfWeek) * HolidayWeight(day);

    private static double DayOfWeekWeight(DayOfWeek dayOfWeek) => dayOfWeek switch
    {
        DayOfWeek.Saturday => 0.80,
        DayOfWeek.Sunday => 0.45,
        _ => 1.00,
    };

    private static double HolidayWeight(DateOnly day)
    {
        var thanksgiving = Thanksgiving(day.Year);
        if (day == thanksgiving || (day.Month == 12 && day.Day == 25) || (day.Month == 1 && day.Day == 1)) return 0.1;
        if (day == thanksgiving.AddDays(1)) return 3.0; // Black Friday
        if (day == thanksgiving.AddDays(4)) return 2.0; // Cyber Monday
        return 1.0;
    }

    /// <summary>The fourth Thursday of November.</summary>
    private static DateOnly Thanksgiving(int year)
    {
        var first = new DateOnly(year, 11, 1);
        var firstThursday = first.AddDays(((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7);
        return firstThursday.AddDays(21);
    }
}
