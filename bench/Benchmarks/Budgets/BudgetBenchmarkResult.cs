using System.Globalization;

namespace OrleansAssistant.Benchmarks.Budgets;

/// <summary>Questions racing for the last of a budget: the limit, what one question costs, and what the month came to.</summary>
internal sealed record BudgetRaceResult(decimal LimitUsd, decimal QuestionUsd, decimal SpentBeforeUsd, decimal SpentAfterUsd, int Answered, int Refused)
{
    public decimal OvershootUsd => Math.Max(0, SpentAfterUsd - LimitUsd);
}

internal sealed record BudgetBenchmarkResult(int Pairs, TimeSpan Elapsed, LatencySummary PairLatency, BudgetRaceResult Race)
{
    public void Print()
    {
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("| measure | figure |");
        Console.WriteLine("|---|---|");
        Console.WriteLine(string.Create(culture, $"| reserve + settle pairs on one budget grain | {Pairs:N0} in {Elapsed.TotalSeconds:0.0} s ({Pairs / Elapsed.TotalSeconds:N0}/s) |"));
        Console.WriteLine(string.Create(culture,
            $"| one pair (ms) | p50 {PairLatency.P50:0.00}, p95 {PairLatency.P95:0.00}, p99 {PairLatency.P99:0.00}, max {PairLatency.Max:0.0} |"));
        Console.WriteLine(string.Create(culture, $"| racing questions | {Race.Answered + Race.Refused}: {Race.Answered} answered, {Race.Refused} refused |"));
        Console.WriteLine(string.Create(culture,
            $"| budget / one question / month's spend | ${Race.LimitUsd:0.000000} / ${Race.QuestionUsd:0.000000} / ${Race.SpentAfterUsd:0.000000} (before the race ${Race.SpentBeforeUsd:0.000000}) |"));
        Console.WriteLine(string.Create(culture,
            $"| overshoot | ${Race.OvershootUsd:0.000000} ({(Race.QuestionUsd == 0 ? 0 : Race.OvershootUsd / Race.QuestionUsd):0.00} of one question) |"));
    }
}
