namespace OrleansAssistant.Benchmarks.Load;

/// <summary>
/// The load measurements: one run of the given shape, or the matrix of 1–3 silos × 0/800 ms model × SQLite/PostgreSQL.
/// Runs with the same silo count share one cluster and one set of users (set up once, through the bot).
/// </summary>
internal static class LoadSuite
{
    public static readonly IReadOnlyList<string> Method =
    [
        "end-to-end: from the update being queued for getUpdates on the fake Telegram until the bot's final message "
            + "(the answer, as a message of its own or edited into the progress message, or the command's reply) reached it over HTTP",
        "model time: the configured latency × model calls per answered question (calls counted at the fake model over the whole run)",
        "SQL time: the model's query run straight against the customer database, 50 times one after another after the load (p50)",
        "overhead: end-to-end minus model time minus the SQL p50 (bot gateway, Orleans calls, guard, schema, ledger, Telegram HTTP)",
        "CPU: utime+stime from /proc over the window, 100 % = one core; RSS: VmRSS sampled each second",
        "memory per active user: (silos' RSS under load − RSS before any user) ÷ users, an upper bound (includes the silos' warm-up); "
            + $"per idle grain: RSS growth ÷ {IdleGrainMemory.ExtraUsers} users registered and left idle; both approximate (the GC decides what RSS keeps)",
        "app rows/s: rows added to Conversations, ConversationStages, ConversationTurns and ActivityLog in the window ÷ its seconds",
        "the bot's own pace (Telegram's ~30 messages/s per bot) is off: the cluster is measured, not Telegram's quota",
        $"commands/s: {CommandBurst.Chats} chats each sending {CommandBurst.Command} again as soon as its reply arrives, for {CommandBurst.Length.TotalSeconds:0} s, after the runs",
    ];

    public static async Task<LoadResult> RunAsync(LoadOptions options, string postgresServer, CancellationToken cancellationToken)
    {
        var shapes = options.Matrix ? LoadRunShape.Matrix(options) : [options.Shape];
        var runs = new List<LoadRunResult>();
        var commands = new List<CommandBurstResult>();
        var number = 0;
        foreach (var sameCluster in shapes.GroupBy(shape => shape.Silos))
        {
            Console.WriteLine($"Cluster of {sameCluster.Key} silo(s) for {sameCluster.Count()} run(s) (load average {ProcStat.LoadAverage()})");
            await using var session = await PortRetry.RunAsync(() => LoadSession.StartAsync(sameCluster.Key, options.Users, postgresServer, cancellationToken));
            var first = runs.Count;
            foreach (var shape in sameCluster.OrderBy(shape => shape.CustomerDatabase).ThenBy(shape => shape.ModelLatencyMs))
            {
                Console.WriteLine($"Load run {++number}/{shapes.Count}: {shape.Users} users, {shape.Label} (load average {ProcStat.LoadAverage()})");
                var run = await session.RunAsync(shape, cancellationToken);
                runs.Add(run);
                Reporting.ReportPrinter.Print(run);
            }
            var burst = await session.MeasureCommandsAsync(cancellationToken);
            commands.Add(burst);
            Reporting.ReportPrinter.Print(burst, sameCluster.Key);
            var idleKb = Math.Round(await session.MeasureIdleGrainBytesAsync(cancellationToken) / 1024, 1);
            Console.WriteLine($"  memory per idle user grain on {sameCluster.Key} silo(s) ≈ {idleKb} KB (RSS delta, approximate)");
            Console.WriteLine();
            for (var i = first; i < runs.Count; i++) runs[i] = runs[i] with { RssKbPerIdleUserGrain = idleKb };
        }
        return new LoadResult(runs, Method, commands);
    }
}
