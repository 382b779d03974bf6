namespace OrleansAssistant.Benchmarks.Load;

/// <summary>One step of the open loop: what was offered at one arrival rate and what came of it.</summary>
/// <param name="OfferedPerSecond">Arrivals in the step ÷ its seconds (the Poisson draw, so near the set rate).</param>
/// <param name="AnsweredPerSecond">Answers that reached the fake Telegram during the step ÷ its seconds.</param>
/// <param name="OpenAtEnd">Questions sent and not yet answered when the step ended.</param>
/// <param name="EndToEndMs">Answered questions that arrived in the step.</param>
/// <param name="OverheadMs">End-to-end minus model time minus the SQL p50, as the closed loop defines it.</param>
/// <param name="SiloCpuMsPerAnswer">Silos' CPU time in the step ÷ answers in the step.</param>
/// <param name="Errors">Arrivals in the step that were refused, failed, timed out or found no idle user.</param>
internal sealed record OpenLoopStep(
    int Rate,
    double Seconds,
    double OfferedPerSecond,
    double AnsweredPerSecond,
    int OpenAtEnd,
    LatencySummary? EndToEndMs,
    LatencySummary? OverheadMs,
    double ModelCallsPerAnswer,
    double SiloCpuMsPerAnswer,
    double SiloCpuPercent,
    double BenchCpuPercent,
    double MachineBusyPercent,
    double AppTransactionsPerAnswer,
    double AppRowsPerAnswer,
    int RateLimited,
    int Failed,
    int TimedOut,
    int Unserved)
{
    public const double OverheadP99LimitMs = 250;

    /// <summary>Where the silos' CPU went in the step (with <c>--cpu-profile</c>).</summary>
    public CpuProfile.CpuBreakdown? Cpu { get; init; }

    /// <summary>Where the benchmark process's CPU went (the bot gateway and the test doubles), with <c>--cpu-profile</c>.</summary>
    public CpuProfile.CpuBreakdown? BenchmarkCpu { get; init; }

    /// <summary>The benchmark process's CPU time in the step ÷ answers in the step.</summary>
    public double BenchCpuMsPerAnswer => AnsweredPerSecond == 0 ? 0 : Math.Round(BenchCpuPercent * 10 / AnsweredPerSecond, 2);

    public int Errors => RateLimited + Failed + TimedOut + Unserved;

    /// <summary>Within the capacity target: p99 overhead under <see cref="OverheadP99LimitMs"/> and nothing lost.</summary>
    public bool Sustained => Errors == 0 && OverheadMs is { P99: < OverheadP99LimitMs };
}
