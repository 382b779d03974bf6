namespace OrleansAssistant.Grains.Interfaces.Budgets;

/// <summary>One day of the month in the budget's zone: what was spent that day and up to its end.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.DaySpend")]
public sealed record DaySpend(
    [property: Id(0)] int Day,
    [property: Id(1)] decimal SpentUsd,
    [property: Id(2)] decimal CumulativeUsd);

/// <summary>The current month's spend day by day (up to today), with the budget line to draw against it.</summary>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.MonthSpendSeries")]
public sealed record MonthSpendSeries(
    [property: Id(0)] string MonthKey,
    [property: Id(1)] string TimeZone,
    [property: Id(2)] int DaysInMonth,
    [property: Id(3)] decimal? LimitUsd,
    [property: Id(4)] IReadOnlyList<DaySpend> Days);
