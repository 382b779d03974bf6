using System.Diagnostics;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>Turns the samples and the counters at a step's two edges into the step's figures.</summary>
internal static class OpenLoopStepSummary
{
    public static OpenLoopStep Of(
        int rate, OpenLoopReading start, OpenLoopReading end, int openAtEnd, int modelLatencyMs, double sqlP50Ms,
        IReadOnlyList<ActionSample> samples, IReadOnlyList<long> arrivals, IReadOnlyList<long> unserved)
    {
        bool Inside(long timestamp) => timestamp >= start.At && timestamp < end.At;
        var seconds = Stopwatch.GetElapsedTime(start.At, end.At).TotalSeconds;
        var arrived = samples.Where(sample => Inside(sample.StartedAt)).ToArray();
        var answered = arrived.Where(sample => sample.Outcome == ActionOutcome.Done).Select(sample => sample.EndToEndMs).ToArray();
        // Throughput counts answers as they reached Telegram in the step, whenever their question arrived.
        var answersInStep = samples.Count(sample => sample.Outcome == ActionOutcome.Done && Inside(FinishedAt(sample)));
        var perAnswer = (double value) => answersInStep == 0 ? 0 : Math.Round(value / answersInStep, 2);
        var modelCalls = perAnswer(end.ModelRequests - start.ModelRequests);
        var modelMs = modelLatencyMs * modelCalls;
        var siloCpuMs = (end.SiloCpuTicks - start.SiloCpuTicks) / ProcStat.TicksPerSecond * 1000;
        var benchCpuMs = (end.BenchCpuTicks - start.BenchCpuTicks) / ProcStat.TicksPerSecond * 1000;
        var machineBusy = (end.MachineTicks.Busy - start.MachineTicks.Busy) * 100.0 / Math.Max(1, end.MachineTicks.Total - start.MachineTicks.Total);
        var rows = end.AppRows.Sum(row => row.Value - start.AppRows.GetValueOrDefault(row.Key));
        return new OpenLoopStep(
            rate, Math.Round(seconds, 1),
            Math.Round(arrivals.Count(Inside) / seconds, 1),
            Math.Round(answersInStep / seconds, 1),
            openAtEnd,
            answered.Length == 0 ? null : LatencySummary.Of(answered),
            answered.Length == 0 ? null : LatencySummary.Of(answered.Select(ms => ms - modelMs - sqlP50Ms)),
            modelCalls,
            perAnswer(siloCpuMs),
            Math.Round(siloCpuMs / 10 / seconds, 1),
            Math.Round(benchCpuMs / 10 / seconds, 1),
            Math.Round(machineBusy, 1),
            perAnswer(end.CommittedTransactions - start.CommittedTransactions),
            perAnswer(rows),
            arrived.Count(sample => sample.Outcome == ActionOutcome.RateLimited),
            arrived.Count(sample => sample.Outcome == ActionOutcome.Failed),
            arrived.Count(sample => sample.Outcome == ActionOutcome.TimedOut),
            unserved.Count(Inside));
    }

    private static long FinishedAt(ActionSample sample) => sample.StartedAt + (long)(sample.EndToEndMs / 1000 * Stopwatch.Frequency);
}
