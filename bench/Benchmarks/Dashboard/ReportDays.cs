using System.Globalization;

namespace OrleansAssistant.Benchmarks.Dashboard;

/// <summary>
/// A cost report's range as the dashboard reads it: whole UTC days from <see cref="FirstDay"/> up to
/// today, both inclusive, covering the instants [From, To).
/// </summary>
internal sealed record ReportDays(string Label, int DaysBack, bool IsDefault)
{
    /// <summary>The dashboard's default when no <c>from</c> is given: the last 30 days up to today.</summary>
    public static ReportDays Default { get; } = new("last 30 days (default)", 29, IsDefault: true);

    /// <summary>The whole year: the widest range anyone asks for, so the worst case.</summary>
    public static ReportDays Year { get; } = new("last 365 days", 365, IsDefault: false);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public DateOnly FirstDay => Today.AddDays(-DaysBack);

    public DateTimeOffset From => Start(FirstDay);

    public DateTimeOffset To => Start(Today.AddDays(1));

    /// <summary>The request for <paramref name="path"/>; the default range is left to the server.</summary>
    public string Query(string path) => IsDefault ? path : string.Create(CultureInfo.InvariantCulture, $"{path}?from={FirstDay:yyyy-MM-dd}");

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
