namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>The outcome of creating or changing a schedule.</summary>
/// <param name="Schedule">The schedule after the change (null when not found or not created).</param>
/// <param name="WebhookSecret">The webhook signing secret, returned once, by the creation only.</param>
/// <param name="Rhythm">With <see cref="ScheduleChangeStatus.RhythmRefused"/>: why.</param>
/// <param name="Webhook">With <see cref="ScheduleChangeStatus.WebhookRefused"/>: why.</param>
/// <param name="Limit">With the limit statuses: the limit in force.</param>
/// <param name="Detail">With <see cref="ScheduleChangeStatus.RecipientsRefused"/>: the refused address; with
/// <see cref="ScheduleChangeStatus.NotOneNumber"/>: the shape found ("3 rows, 2 columns").</param>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.ScheduleChange")]
public sealed record ScheduleChange(
    [property: Id(0)] ScheduleChangeStatus Status,
    [property: Id(1)] ScheduleView? Schedule = null,
    [property: Id(2)] string? WebhookSecret = null,
    [property: Id(3)] RhythmCheck? Rhythm = null,
    [property: Id(4)] WebhookProblem Webhook = WebhookProblem.None,
    [property: Id(5)] int? Limit = null,
    [property: Id(6)] string? Detail = null)
{
    public bool IsDone => Status == ScheduleChangeStatus.Done;
}
