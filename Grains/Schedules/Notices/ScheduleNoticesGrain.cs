using Orleans.Concurrency;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Questions;

namespace OrleansAssistant.Grains.Schedules.Notices;

/// <summary>
/// Hands out schedule notices. Stateless and local to every silo: the table's conditional update, not the grain, makes sure
/// each notice goes to one caller. A report's chart is drawn here, at take time, so the table keeps no pictures.
/// </summary>
[StatelessWorker]
public sealed class ScheduleNoticesGrain(ScheduleNoticeStore store, QuestionPipeline pipeline) : Grain, IScheduleNoticesGrain
{
    private const int MostPerCall = 100;

    public async Task<IReadOnlyList<ScheduleNotice>> TakeAsync(int max)
    {
        var taken = await store.TakeAsync(Math.Clamp(max, 0, MostPerCall), CancellationToken.None);
        // Charts are drawn side by side (each off the grain's turn): drawing is most of a report notice's cost.
        return await Task.WhenAll(taken.Select(async row =>
        {
            var payload = row.Payload;
            var rows = payload.Result;
            var chart = row.Kind == ScheduleNoticeKind.Report && rows is { Rows.Count: > 0 } ? await pipeline.ChartForScheduleAsync(payload.Title, rows) : null;
            return new ScheduleNotice(row.NoticeId, row.ScheduleId, row.RunId, row.UserId, row.ChatId, row.Kind, payload.Title, payload.ScheduleKind,
                payload.DueAt, payload.Text, rows, chart, payload.Value, payload.Alert, payload.PauseReason, payload.Error, payload.Usage, payload.Sql);
        }));
    }
}
