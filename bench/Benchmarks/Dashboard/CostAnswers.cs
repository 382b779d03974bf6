using System.Text.Json;

namespace OrleansAssistant.Benchmarks.Dashboard;

/// <summary>Checks that a cost report read the seeded ledger: a fast answer over no rows would flatter the figures.</summary>
internal static class CostAnswers
{
    public static void ExpectLines(string path, string json, int expected)
    {
        using var answer = JsonDocument.Parse(json);
        var lines = answer.RootElement.GetProperty("lines").GetArrayLength();
        if (lines != expected) throw new InvalidOperationException($"{path} answered {lines} lines where the seeded ledger has {expected}.");
    }
}
