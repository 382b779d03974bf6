using System.Globalization;
using OrleansAssistant.Benchmarks.Reporting;

namespace OrleansAssistant.Benchmarks.Verified;

/// <summary>Prints the verified suite's runs side by side, the first (no library) being the baseline.</summary>
internal static class VerifiedBenchmarkReport
{
    public static void Print(IReadOnlyList<VerifiedBenchmarkRun> runs, VerifiedBenchmarkOptions options)
    {
        Console.WriteLine();
        Console.WriteLine($"Verified answers on Demo Sales: {runs[0].Questions} questions, {VerifiedBenchmarkWorkload.RepeatPercent} % repeating one of 50 verified examples");
        Console.WriteLine($"  The model is a fake holding each reply {options.StageOneMs} ms (stage 1) and {options.StageTwoMs} ms (stage 2), the kind of latency a hosted model has;");
        Console.WriteLine("  it bills input tokens as the o200k tokens of what it was sent, so few-shot examples cost what they add. Times are whole questions through the user grain.");
        var table = new TextTable("run", "tokens/question", "repeats", "others", "stage-1 calls", "model calls", "from library", "saved (estimate)", "p50 ms", "p95 ms", "repeats p50", "others p50");
        foreach (var run in runs)
        {
            table.Add(run.Label, Whole(run.TokensPerQuestion), Whole(run.RepeatTokensPerQuestion), Whole(run.OtherTokensPerQuestion), Whole(run.StageOneCalls), Whole(run.ModelCalls), Whole(run.FromLibrary), Whole(run.TokensSavedEstimate),
                Whole(run.All.P50), Whole(run.All.P95), Whole(run.Repeats.P50), Whole(run.Others.P50));
        }
        table.WriteTo(Console.Out);
        var baseline = runs[0];
        foreach (var run in runs.Skip(1))
        {
            Console.WriteLine($"  {run.Label}: {Whole(baseline.ModelCalls - run.ModelCalls)} model calls saved, "
                + $"tokens per question {Change(baseline.TokensPerQuestion, run.TokensPerQuestion)}, p50 answer time {Change(baseline.All.P50, run.All.P50)}");
        }
        Console.WriteLine();
    }

    private static string Whole(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Change(double before, double after) =>
        before == 0 ? "n/a" : ((after - before) / before).ToString("+0%;-0%;0%", CultureInfo.InvariantCulture);
}
