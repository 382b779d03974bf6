using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Gateway.Bot.Schedules;

/// <summary>Where a schedule or alert being made stands: the step it is at and what was chosen so far.</summary>
internal enum DraftStep
{
    Rhythm,
    Day,
    Time,
    Cron,
    Delivery,
    Condition,
    Threshold,
    Check,
    Confirm,
}

/// <summary>
/// A schedule or alert being made from an answer, edited step by step in one message (<see cref="FlowMessageId"/>).
/// Only <see cref="UserId"/>, who started it, may make the choices.
/// </summary>
internal sealed record ScheduleDraft(
    long UserId,
    long ChatId,
    int FlowMessageId,
    string ConversationId,
    ScheduleKind Kind,
    string TimeZone,
    DraftStep Step,
    RhythmKind? Rhythm = null,
    DayOfWeek? Day = null,
    TimeSpan? Time = null,
    string? CronText = null,
    IReadOnlyList<string>? EmailTo = null,
    string? WebhookUrl = null,
    AlertCondition? Condition = null,
    decimal? Threshold = null,
    decimal? CurrentValue = null)
{
    /// <summary>The rhythm chosen so far, in the person's zone.</summary>
    public ScheduleRhythm ToRhythm() => Rhythm switch
    {
        RhythmKind.Cron => ScheduleRhythm.Cron(CronText ?? "", TimeZone),
        RhythmKind.Weekly => ScheduleRhythm.Weekly(Day ?? DayOfWeek.Monday, Time ?? TimeSpan.Zero, TimeZone),
        { } kind => new ScheduleRhythm(kind, Time ?? TimeSpan.Zero, TimeZone),
        null => ScheduleRhythm.Daily(Time ?? TimeSpan.Zero, TimeZone),
    };

    public ScheduleRequest ToRequest() => new(ConversationId, ChatId, Kind, ToRhythm(),
        Kind == ScheduleKind.Alert && Condition is { } condition ? new AlertRule(condition, Threshold ?? 0) : null,
        EmailTo ?? [], WebhookUrl);
}
