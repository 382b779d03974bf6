namespace OrleansAssistant.Grains.Interfaces.Schedules;

/// <summary>One run as the dashboard and <c>/schedules</c> show it.</summary>
/// <param name="Cost">The cost of the run's model calls (0 for a template message or an alert check); <see cref="UnpricedCalls"/> had no price.</param>
[GenerateSerializer, Immutable, Alias("OrleansAssistant.ScheduleRunView")]
public sealed record ScheduleRunView(
    [property: Id(0)] string RunId,
    [property: Id(1)] DateTimeOffset DueAt,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset? FinishedAt,
    [property: Id(4)] RunOutcome Outcome,
    [property: Id(5)] int? Rows,
    [property: Id(6)] decimal Cost,
    [property: Id(7)] int UnpricedCalls,
    [property: Id(8)] int Attempts,
    [property: Id(9)] string? Error);
