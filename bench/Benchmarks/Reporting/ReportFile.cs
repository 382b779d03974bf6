using System.Globalization;
using System.Text.Json;

namespace OrleansAssistant.Benchmarks.Reporting;

/// <summary>Writes a report to bench/results/&lt;timestamp&gt;.json (git-ignored) for comparing runs.</summary>
internal static class ReportFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<string> WriteAsync(BenchReport report, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "bench", "results");
        Directory.CreateDirectory(folder);
        // Sortable and free of ':' so the name is valid on every file system.
        var name = report.StartedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + ".json";
        var path = Path.Combine(folder, name);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, report, Json, cancellationToken);
        return path;
    }
}
