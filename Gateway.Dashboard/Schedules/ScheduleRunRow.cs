using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Gateway.Dashboard.Schedules;

/// <summary>
/// One run on the Schedules tab. <see cref="Cost"/> covers the priced model calls only; <see cref="UnpricedCalls"/> had no
/// price (show "price unknown", never $0). <see cref="Manual"/>: a "run now" press rather than a due run.
/// </summary>
public sealed record ScheduleRunRow(
    string RunId,
    DateTimeOffset DueAt,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    RunOutcome Outcome,
    bool Manual,
    int? Rows,
    decimal Cost,
    int UnpricedCalls,
    int Attempts,
    string? Error)
{
    private const string ManualSuffix = "/now";

    public static ScheduleRunRow From(ScheduleRunView run) => new(run.RunId, run.DueAt, run.StartedAt, run.FinishedAt, run.Outcome,
        run.RunId.EndsWith(ManualSuffix, StringComparison.Ordinal), run.Rows, run.Cost, run.UnpricedCalls, run.Attempts, run.Error);
}
