namespace OrleansAssistant.Gateway.Dashboard.Costs;

/// <summary>The <c>format</c> query of a report that comes as JSON or as a CSV file of the same numbers.</summary>
internal static class ReportFormat
{
    /// <returns>True for CSV, false for JSON (the default), null for anything else.</returns>
    public static bool? IsCsv(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "json" => false,
        "csv" => true,
        _ => null,
    };
}
