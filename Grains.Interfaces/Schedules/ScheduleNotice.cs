using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>
/// Something a schedule tells its owner's chat, handed out once to one gateway (<see cref="IScheduleNoticesGrain"/>).
/// Data only; the gateway words it.
/// </summary>
/// <param name="Text">A report's stage-2 sentence; empty for a template message (the gateway words the rows).</param>
/// <param name="Rows">The result (reports: the first rows a chat shows; alerts: the one number).</param>
/// <param name="Value">An alert's number.</param>
/// <param name="Error">Why a run failed: the database's words, or "unavailable".</param>
/// <param name="Usage">The run's model calls, for the footer (empty for a template message or an alert).</param>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.ScheduleNotice")]
public sealed record ScheduleNotice(
    [property: Id(0)] long NoticeId,
    [property: Id(1)] string ScheduleId,
    [property: Id(2)] string? RunId,
    [property: Id(3)] long UserId,
    [property: Id(4)] long ChatId,
    [property: Id(5)] ScheduleNoticeKind Kind,
    [property: Id(6)] string Title,
    [property: Id(7)] ScheduleKind ScheduleKind,
    [property: Id(8)] DateTimeOffset DueAt,
    [property: Id(9)] string Text = "",
    [property: Id(10)] QueryResult? Rows = null,
    [property: Id(11)] AnswerChart? Chart = null,
    [property: Id(12)] decimal? Value = null,
    [property: Id(13)] AlertRule? Alert = null,
    [property: Id(14)] PauseReason PauseReason = PauseReason.None,
    [property: Id(15)] string? Error = null,
    [property: Id(16)] IReadOnlyList<StageUsage>? Usage = null,
    [property: Id(17)] string? Sql = null);
