using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Schedules.Delivery;

namespace OrleansAssistant.Grains.Schedules.Runs;

/// <summary>An alert's check: it speaks once when its number crosses the rule and once when it comes back, and is quiet otherwise.</summary>
public sealed partial class ScheduleRunner
{
    private async Task<RunReport> CheckAlertAsync(Run run, QueryResult rows, CancellationToken cancellationToken)
    {
        var schedule = run.Schedule;
        if (schedule.Alert is not { } rule || !TryReadNumber(rows, out var value))
        {
            return await FailAsync(run, $"not one number: {rows.Rows.Count} rows, {rows.Columns.Count} columns", cancellationToken);
        }
        var crossed = rule.IsCrossedBy(value);
        (RunOutcome Outcome, ScheduleNoticeKind? Kind) verdict = (crossed, schedule.Crossed) switch
        {
            (true, false) => (RunOutcome.AlertFired, ScheduleNoticeKind.AlertCrossed),
            (false, true) => (RunOutcome.AlertReturned, ScheduleNoticeKind.AlertReturned),
            _ => (RunOutcome.AlertQuiet, null),
        };
        if (verdict.Kind is not { } kind)
        {
            await FinishAsync(run, RunOutcome.AlertQuiet, 1, null, null, null, cancellationToken);
            return new RunReport(run.RunId, RunOutcome.AlertQuiet, Crossed: crossed, Value: value);
        }
        var error = await DeliverAsync(new ScheduledResult(schedule, run.RunId, run.DueAt, kind, rows, Value: value), cancellationToken);
        var payload = Payload(run) with { Value = value, Columns = rows.Columns, Rows = rows.Rows, Error = error };
        await FinishAsync(run, verdict.Outcome, 1, null, error, Notice(run, kind, payload), cancellationToken);
        return new RunReport(run.RunId, verdict.Outcome, Crossed: crossed, Value: value);
    }

    private static bool TryReadNumber(QueryResult rows, out decimal value)
    {
        value = 0;
        return rows is { Rows.Count: 1, Columns.Count: 1 } && rows.Rows[0] is [{ } cell]
            && decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
