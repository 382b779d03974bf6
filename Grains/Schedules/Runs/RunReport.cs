using OrleansAssistant.Grains.Interfaces.Schedules;

namespace OrleansAssistant.Grains.Schedules.Runs;

/// <summary>
/// What one run did, for the schedule grain to act on: pause on <see cref="RunOutcome.Paused"/> (with <see cref="PauseReason"/>),
/// come back at <see cref="RetryAt"/> on <see cref="RunOutcome.RetryPending"/>, keep an alert's new <see cref="Crossed"/> and
/// <see cref="Value"/>. <see cref="AlreadyRun"/>: another activation claimed this run (a reminder that fired twice); nothing was done.
/// </summary>
public sealed record RunReport(
    string RunId,
    RunOutcome Outcome,
    bool AlreadyRun = false,
    PauseReason PauseReason = PauseReason.None,
    DateTimeOffset? RetryAt = null,
    bool? Crossed = null,
    decimal? Value = null);
