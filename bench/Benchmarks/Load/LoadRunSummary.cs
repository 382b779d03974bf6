namespace OrleansAssistant.Benchmarks.Load;

/// <summary>Turns a run's samples and window readings into its figures.</summary>
internal static class LoadRunSummary
{
    public static LoadRunResult Of(
        LoadRunShape shape, IReadOnlyList<ActionSample> samples, LoadWindow window, LatencySummary sql, double rssBeforeUsers, double setupSeconds, string loadBefore)
    {
        var actions = Enum.GetValues<UserAction>().Select(action => ActionResult.From(action, [.. samples.Where(sample => sample.Action == action)])).ToArray();
        var answered = samples.Where(sample => sample.Action == UserAction.Question && sample.Outcome == ActionOutcome.Done).Select(sample => sample.EndToEndMs).ToArray();
        // Model calls ÷ questions answered in the run: 2 (stage 1 and 2) unless a reply had to be asked for again.
        var callsPerQuestion = window.AnsweredInRun == 0 ? 0 : Math.Round((double)(window.ModelCallsAfter - window.ModelCallsBefore) / window.AnsweredInRun, 2);
        var modelMs = shape.ModelLatencyMs * callsPerQuestion;
        var silos = window.Usage.Processes.Where(IsSilo).ToArray();
        var written = window.RowsAfter.ToDictionary(row => row.Key, row => row.Value - window.RowsBefore.GetValueOrDefault(row.Key));
        var rowsTotal = written.Values.Sum();
        var siloRssBytes = silos.Sum(silo => silo.RssMbAverage) * 1024 * 1024;
        return new LoadRunResult(
            shape, loadBefore, ProcStat.LoadAverage(), setupSeconds, Math.Round(window.Seconds, 1), actions,
            Math.Round(answered.Length / window.Seconds, 2),
            answered.Length == 0 ? null : LatencySummary.Of(answered),
            modelMs, callsPerQuestion, sql,
            answered.Length == 0 ? null : LatencySummary.Of(answered.Select(ms => ms - modelMs - sql.P50)),
            silos, window.Usage.Processes.Single(process => !IsSilo(process)),
            Math.Round(silos.Sum(silo => silo.CpuPercent), 1), Math.Round(silos.Sum(silo => silo.RssMbAverage), 1), window.Usage.MachineBusyPercent,
            Math.Round((siloRssBytes - rssBeforeUsers) / shape.Users / 1024, 1),
            RssKbPerIdleUserGrain: null,
            written, Math.Round(rowsTotal / window.Seconds, 1), answered.Length == 0 ? 0 : Math.Round((double)rowsTotal / answered.Length, 2),
            [.. samples.Where(sample => sample.FailureText is not null).Select(sample => $"{sample.Action}: {sample.FailureText}").Distinct().Take(5)]);
    }

    private static bool IsSilo(ProcessUsage process) => process.Process.StartsWith("silo", StringComparison.Ordinal);
}
