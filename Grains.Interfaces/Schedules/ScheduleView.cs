namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>A schedule or alert as its owner (and the organization's owner) sees it. The webhook secret is never part of it.</summary>
/// <param name="Title">The question of the answer it was made from.</param>
/// <param name="NextDueAt">The next run in UTC; null while paused.</param>
/// <param name="LastValue">An alert's number at its last check.</param>
/// <param name="Crossed">Whether an alert's number stood crossed at its last check.</param>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.ScheduleView")]
public sealed record ScheduleView(
    [property: Id(0)] string ScheduleId,
    [property: Id(1)] long OwnerUserId,
    [property: Id(2)] string? OrgId,
    [property: Id(3)] string DatabaseId,
    [property: Id(4)] long ChatId,
    [property: Id(5)] string Title,
    [property: Id(6)] string Sql,
    [property: Id(7)] ScheduleKind Kind,
    [property: Id(8)] ScheduleRhythm Rhythm,
    [property: Id(9)] AlertRule? Alert,
    [property: Id(10)] IReadOnlyList<string> EmailTo,
    [property: Id(11)] string? WebhookUrl,
    [property: Id(12)] ScheduleStatus Status,
    [property: Id(13)] PauseReason PauseReason,
    [property: Id(14)] DateTimeOffset? NextDueAt,
    [property: Id(15)] DateTimeOffset CreatedAt,
    [property: Id(16)] decimal? LastValue = null,
    [property: Id(17)] bool Crossed = false,
    [property: Id(18)] ScheduleRunView? LastRun = null);
