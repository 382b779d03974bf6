namespace OrleansAssistant.Benchmarks.Load;

/// <summary>The open-loop load measurement: one cluster, users set up through the grains, a ramp of arrival rates.</summary>
internal static class OpenLoopSuite
{
    public static readonly IReadOnlyList<string> Method =
    [
        $"questions: stage 1 writes a point lookup ({SalesTable.PointLookup}), stage 2 a short answer",
        "arrivals: a Poisson process at the step's rate (seeded), independent of replies; each goes to the user idle longest, "
            + "one open question per user; an arrival finding every user waiting is 'unserved' and counts as an error",
        "offered/answered q/s: arrivals in the step, and answers reaching the fake Telegram in the step, ÷ its seconds",
        "latency: questions that arrived in the step, until their answer; overhead = end-to-end − model latency × model calls per answer − SQL p50 (as the closed loop)",
        "silo CPU ms/answer: the silos' utime+stime from /proc over the step ÷ answers in the step; bench CPU % is this process (gateway, fakes, users)",
        "xact/answer: pg_stat_database.xact_commit of the app database over the step (silos, gateway, membership, and the benchmark's 2 readings per edge) ÷ answers; "
            + "PostgreSQL publishes these counts up to about a second late",
        "rows/answer: rows added to Conversations, ConversationStages, ConversationTurns and ActivityLog ÷ answers",
        $"CPU by stage (--cpu-profile): Linux perf samples the silos' (and, when it was started with their perf settings, this process's) on-CPU call stacks at {CpuProfile.PerfRecording.SamplesPerSecond} Hz in each step; "
            + "a sample goes to the first stage whose code is on its stack (kernel time with the code that asked for it), and each stage gets its share "
            + "of the measured silo CPU per answer; perf itself and the perf map cost a few percent",
        $"saturation: the highest step with p99 overhead < {OpenLoopStep.OverheadP99LimitMs:0} ms and no errors",
    ];

    public static async Task<OpenLoopResult> RunAsync(LoadOptions options, string postgresServer, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Open loop on {options.Silos} silo(s), {options.Users} users, rates {string.Join(",", options.Rates)} questions/s (load average {ProcStat.LoadAverage()})");
        await using var session = await PortRetry.RunAsync(() =>
            LoadSession.StartAsync(options.Silos, options.Users, postgresServer, cancellationToken, throughGrains: options.CustomerDatabase, cpuProfile: options.CpuProfile));
        return await session.RunOpenLoopAsync(options, cancellationToken);
    }
}
