using System.Globalization;

namespace OrleansAssistant.Benchmarks.Dashboard;

/// <summary>EXPLAIN ANALYZE's output for one range, with its "Execution Time" picked out.</summary>
internal sealed record QueryPlan(string Range, double ExecutionMs, string ExecutionLine, IReadOnlyList<string> Lines)
{
    private const string ExecutionPrefix = "Execution Time:";

    public static QueryPlan From(string range, IReadOnlyList<string> lines)
    {
        var line = lines.LastOrDefault(l => l.StartsWith(ExecutionPrefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException("EXPLAIN ANALYZE printed no execution time.");
        // "Execution Time: 123.456 ms"
        var figure = line[ExecutionPrefix.Length..].Trim().Split(' ')[0];
        return new QueryPlan(range, double.Parse(figure, CultureInfo.InvariantCulture), line, lines);
    }
}
