using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.Grains.Tests.Rendering;

/// <summary>Query results as the database grain returns them (invariant text per cell), built for chart and export tests.</summary>
internal static class ResultRows
{
    public static QueryResult Of(IReadOnlyList<ResultColumn> columns, IEnumerable<IReadOnlyList<string?>> rows) =>
        new(QueryOutcome.Succeeded, null, columns, [.. rows], false, null, TimeSpan.Zero);

    public static QueryResult SalesByMonth(int months, int series = 1)
    {
        var columns = new List<ResultColumn> { new("month", ValueKind.DateTime) };
        for (var s = 0; s < series; s++) columns.Add(new ResultColumn(s == 0 ? "revenue" : $"series_{s}", ValueKind.Decimal));
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return Of(columns, Enumerable.Range(0, months).Select(index =>
            (IReadOnlyList<string?>)[start.AddDays(index).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                .. Enumerable.Range(0, series).Select(s => (1000 + index * 13.5 + s * 200 - (index % 7) * 40).ToString("0.00", CultureInfo.InvariantCulture))]));
    }

    public static QueryResult RevenueByRegion(params (string? Region, string? Revenue)[] rows) =>
        Of([new("region", ValueKind.Text), new("revenue", ValueKind.Decimal)], rows.Select(row => (IReadOnlyList<string?>)[row.Region, row.Revenue]));

    public static QueryResult Categories(int count) =>
        RevenueByRegion([.. Enumerable.Range(1, count).Select(index => ($"Region {index}", (index * 1234.5).ToString("0.00", CultureInfo.InvariantCulture)))]);
}
