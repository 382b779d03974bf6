using System.Data.Common;
using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Schedules;
using OrleansAssistant.Grains.Schedules.Delivery;
using OrleansAssistant.Grains.Schedules.Webhooks;

namespace OrleansAssistant.Grains.Schedules.Runs;

/// <summary>A report's run: the rows, the sentence (stage 2 only, billed to the owner as a scheduled conversation) and their delivery.</summary>
public sealed partial class ScheduleRunner
{
    private async Task<RunReport> ReportAsync(Run run, QueryResult rows, CancellationToken cancellationToken)
    {
        var total = rows.Rows.Count;
        if (total == 0)
        {
            var notice = settings.SayNoRows ? Notice(run, ScheduleNoticeKind.NoRows, Payload(run)) : null;
            await FinishAsync(run, RunOutcome.NoRows, 0, null, null, notice, cancellationToken);
            return new RunReport(run.RunId, RunOutcome.NoRows);
        }
        var startedAt = timeProvider.GetUtcNow();
        var costId = Guid.NewGuid().ToString("N");
        var sentence = settings.Message == VerifiedAnswerMode.Summary
            ? await pipeline.WriteScheduledSentenceAsync(run.Schedule.OwnerUserId, run.Schedule.OrgId, costId, run.Schedule.Title, run.Schedule.Sql, rows,
                cancellationToken)
            : null;
        if (sentence?.Refusal is { } refusal) LogSentenceRefused(logger, run.RunId, refusal.Scope);
        DateTimeOffset? recordedAt = sentence is { Stages.Count: > 0 } ? await RecordCostAsync(run, costId, sentence, startedAt, cancellationToken) : null;
        var conversationId = recordedAt is null ? null : costId;
        await budgets.SettleAsync(sentence?.Hold, costId, run.Schedule.OwnerUserId, sentence?.Usage.Sum(usage => usage.TotalCost) ?? 0, startedAt, recordedAt);
        var delivered = Capped(rows);
        var text = sentence?.Text ?? "";
        var error = await DeliverAsync(new ScheduledResult(run.Schedule, run.RunId, run.DueAt, ScheduleNoticeKind.Report, delivered, text), cancellationToken);
        var payload = Payload(run) with
        {
            Text = text, Columns = delivered.Columns, Rows = delivered.Rows, Truncated = delivered.Truncated, Error = error,
            Usage = sentence is { Usage.Count: > 0 } ? sentence.Usage : null,
        };
        await FinishAsync(run, RunOutcome.Delivered, total, conversationId, error, Notice(run, ScheduleNoticeKind.Report, payload), cancellationToken);
        return new RunReport(run.RunId, RunOutcome.Delivered);
    }

    private QueryResult Capped(QueryResult rows) => rows.Rows.Count <= settings.MaxDeliveredRows
        ? rows
        : rows with { Rows = rows.Rows.Take(settings.MaxDeliveredRows).ToArray(), Truncated = true };

    /// <summary>
    /// The sentence's model calls as a conversation of the owner's, in the schedule's organization and database, with no chat turn:
    /// it counts toward their usage (and budget) like a question, and the run's row names it.
    /// </summary>
    /// <returns>The conversation's completion time, as the ledger holds it.</returns>
    private async Task<DateTimeOffset> RecordCostAsync(Run run, string conversationId, ScheduledSentence sentence, DateTimeOffset startedAt,
        CancellationToken cancellationToken)
    {
        var schedule = run.Schedule;
        var completedAt = timeProvider.GetUtcNow();
        await ledger.RecordAsync(new ConversationRecord(conversationId, schedule.ChatId, schedule.OwnerUserId, schedule.OrgId, schedule.DatabaseId,
            schedule.Title, nameof(AnswerWay.SqlQuery), nameof(QuestionOutcome.Answered), sentence.Text, null, startedAt, completedAt,
            (int)(completedAt - startedAt).TotalMilliseconds), sentence.Stages, null, cancellationToken);
        return completedAt;
    }

    /// <summary>E-mail and webhook; neither fails the run. Returns what went wrong, for the run's Error and the chat notice.</summary>
    private async Task<string?> DeliverAsync(ScheduledResult result, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        try
        {
            if (await mail.QueueAsync(result, cancellationToken) is { } skipped) problems.Add(skipped);
        }
        catch (DbException error)
        {
            LogMailNotQueued(logger, result.RunId, error.GetType().Name);
            problems.Add("e-mail: could not be queued");
        }
        if (result.Schedule is { WebhookUrl: { } url, WebhookSecret: { } secret })
        {
            var delivery = await webhooks.SendAsync(url, secret, WebhookPayload.Of(result), cancellationToken);
            if (!delivery.Succeeded) problems.Add($"webhook: {delivery.Problem}");
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    [LoggerMessage(20, LogLevel.Information, "Schedule run {RunId}: the owner's {Scope} budget is spent; the rows go out without a sentence")]
    private static partial void LogSentenceRefused(ILogger logger, string runId, OrleansAssistant.Grains.Interfaces.Budgets.BudgetScope scope);

    [LoggerMessage(4, LogLevel.Warning, "Schedule run {RunId}: its e-mail could not be queued ({Error})")]
    private static partial void LogMailNotQueued(ILogger logger, string runId, string error);
}
