using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Budgets;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Questions;
using OrleansAssistant.Grains.Schedules.Delivery;
using OrleansAssistant.Grains.Schedules.Notices;
using OrleansAssistant.Grains.Schedules.Rhythm;
using OrleansAssistant.Grains.Schedules.Webhooks;

namespace OrleansAssistant.Grains.Schedules.Runs;

/// <summary>
/// Runs one due occurrence of a schedule, exactly once: the run is claimed in <c>ScheduleRuns</c> under
/// <see cref="ScheduleKeys.RunId"/>, so a second fire for the same due time does nothing. Then: the owner's permission,
/// the guarded query as the owner, the report or the alert's verdict, the e-mail and the webhook, and last the run's
/// outcome with its chat notice in one transaction.
/// </summary>
public sealed partial class ScheduleRunner(
    ScheduleSettings settings,
    IGrainFactory grains,
    RunLedger runs,
    QuestionPipeline pipeline,
    BudgetGate budgets,
    ConversationLedger ledger,
    ScheduleMailQueue mail,
    WebhookSender webhooks,
    TimeProvider timeProvider,
    ILogger<ScheduleRunner> logger)
{
    /// <param name="dueAt">The occurrence being run (for "run now": the instant of the press).</param>
    /// <param name="manual">A "run now" press: its run id is <see cref="ScheduleKeys.ManualRunId"/>, and a database that is down is reported at once, not retried.</param>
    /// <param name="attempt">1 for the first try; a retry after the database was down passes 2, 3, 4. The run's row counts the attempts that decide.</param>
    public async Task<RunReport> RunAsync(ScheduleDefinition schedule, DateTimeOffset dueAt, bool manual, int attempt, CancellationToken cancellationToken)
    {
        var runId = manual ? ScheduleKeys.ManualRunId(schedule.ScheduleId, dueAt) : ScheduleKeys.RunId(schedule.ScheduleId, dueAt);
        var claim = await runs.ClaimAsync(runId, schedule.ScheduleId, dueAt, timeProvider.GetUtcNow(), settings.RunLease, cancellationToken);
        if (!claim.Won)
        {
            LogAlreadyRun(logger, runId, claim.Stored);
            return new RunReport(runId, claim.Stored, AlreadyRun: true);
        }
        var run = new Run(schedule, runId, dueAt, manual, claim.Attempts);
        var reason = await RunPermission.CheckAsync(grains, schedule);
        if (reason != PauseReason.None) return await PauseAsync(run, reason, cancellationToken);

        var rows = await QueryAsync(schedule);
        LogQueried(logger, runId, rows.Outcome, claim.Attempts);
        return rows.Outcome switch
        {
            QueryOutcome.Succeeded when schedule.Kind == ScheduleKind.Alert => await CheckAlertAsync(run, rows, cancellationToken),
            QueryOutcome.Succeeded => await ReportAsync(run, rows, cancellationToken),
            QueryOutcome.AccessDenied => await PauseAsync(run, PauseReason.AccessLost, cancellationToken),
            QueryOutcome.Unavailable or QueryOutcome.Busy when !manual && claim.Attempts <= settings.DatabaseRetries => await RetryLaterAsync(run, cancellationToken),
            QueryOutcome.Unavailable or QueryOutcome.Busy => await FailAsync(run, "unavailable", cancellationToken),
            _ => await FailAsync(run, rows.Message ?? rows.Outcome.ToString(), cancellationToken),
        };
    }

    /// <summary>The run in hand: what it runs, under which id, and which attempt this is.</summary>
    private sealed record Run(ScheduleDefinition Schedule, string RunId, DateTimeOffset DueAt, bool Manual, int Attempts);

    /// <summary>
    /// How often a run whose owner already has the most queries running waits for a free slot. Many of one person's schedules
    /// share a due minute; the slots free up within seconds, so waiting here beats the database-down retry minutes later.
    /// </summary>
    private const int BusyWaits = 30;

    private async Task<QueryResult> QueryAsync(ScheduleDefinition schedule)
    {
        for (var wait = 1; ; wait++)
        {
            var rows = await QueryOnceAsync(schedule);
            if (rows.Outcome != QueryOutcome.Busy || wait > BusyWaits) return rows;
            await Task.Delay(TimeSpan.FromMilliseconds(250 + Random.Shared.Next(750)), timeProvider);
        }
    }

    private async Task<QueryResult> QueryOnceAsync(ScheduleDefinition schedule)
    {
        try
        {
            return await grains.GetGrain<IDatabaseConnectionGrain>(schedule.DatabaseId).QueryAsync(schedule.OwnerUserId, schedule.Sql);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // No answer from the database's grain is, for the schedule, a database that cannot be reached now.
            LogQueryCallFailed(logger, schedule.ScheduleId, error.GetType().Name);
            return QueryResult.Problem(QueryOutcome.Unavailable, "unavailable");
        }
    }

    private async Task<RunReport> PauseAsync(Run run, PauseReason reason, CancellationToken cancellationToken)
    {
        await FinishAsync(run, RunOutcome.Paused, null, null, reason.ToString(),
            Notice(run, ScheduleNoticeKind.Paused, Payload(run) with { PauseReason = reason }), cancellationToken);
        return new RunReport(run.RunId, RunOutcome.Paused, PauseReason: reason);
    }

    private async Task<RunReport> RetryLaterAsync(Run run, CancellationToken cancellationToken)
    {
        var retryAt = timeProvider.GetUtcNow() + settings.DatabaseRetryInterval;
        await runs.FinishAsync(run.RunId, RunOutcome.RetryPending, null, null, "unavailable", timeProvider.GetUtcNow(), retryAt, null, cancellationToken);
        return new RunReport(run.RunId, RunOutcome.RetryPending, RetryAt: retryAt);
    }

    private async Task<RunReport> FailAsync(Run run, string error, CancellationToken cancellationToken)
    {
        await FinishAsync(run, RunOutcome.Failed, null, null, error, Notice(run, ScheduleNoticeKind.Failed, Payload(run) with { Error = error }), cancellationToken);
        return new RunReport(run.RunId, RunOutcome.Failed);
    }

    private Task FinishAsync(Run run, RunOutcome outcome, int? resultRows, string? conversationId, string? error, PendingNotice? notice,
        CancellationToken cancellationToken) =>
        runs.FinishAsync(run.RunId, outcome, resultRows, conversationId, error, timeProvider.GetUtcNow(), null, notice, cancellationToken);

    private static NoticePayload Payload(Run run) =>
        new(run.Schedule.Title, run.Schedule.Kind, run.DueAt, Alert: run.Schedule.Alert, Sql: run.Schedule.Sql);

    private static PendingNotice Notice(Run run, ScheduleNoticeKind kind, NoticePayload payload) =>
        new(run.Schedule.ScheduleId, run.RunId, run.Schedule.OwnerUserId, run.Schedule.ChatId, kind, payload);

    [LoggerMessage(1, LogLevel.Information, "Schedule run {RunId} was already claimed ({Outcome}); nothing done")]
    private static partial void LogAlreadyRun(ILogger logger, string runId, RunOutcome outcome);

    [LoggerMessage(2, LogLevel.Information, "Schedule run {RunId}: query {Outcome} (attempt {Attempt})")]
    private static partial void LogQueried(ILogger logger, string runId, QueryOutcome outcome, int attempt);

    [LoggerMessage(3, LogLevel.Warning, "Schedule {ScheduleId}: the database grain did not answer ({Error}); counted as unavailable")]
    private static partial void LogQueryCallFailed(ILogger logger, string scheduleId, string error);
}
