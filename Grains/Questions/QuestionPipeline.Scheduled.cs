using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Llm;
using OrleansAssistant.Grains.Schedules.Runs;

namespace OrleansAssistant.Grains.Questions;

/// <summary>What a scheduled run borrows from a question: the stage-2 sentence and the chart, never stage 1 (its SQL is verified).</summary>
public sealed partial class QuestionPipeline
{
    /// <summary>
    /// The stage-2 sentence about a scheduled run's rows, metered like a question's and counted against the owner's budget: a spent
    /// budget leaves the sentence out (no model is asked), as a model that cannot answer does.
    /// </summary>
    /// <param name="conversationId">The conversation the sentence's cost is recorded under: it names the budget's reservation.</param>
    /// <returns>An empty text when the model could not answer or the budget is spent: the rows still go out, and a failed call costs nothing.</returns>
    public async Task<ScheduledSentence> WriteScheduledSentenceAsync(long ownerUserId, string? orgId, string conversationId, string title, string sql,
        QueryResult rows, CancellationToken cancellationToken)
    {
        var meter = new StageMeter(prices, budgets.Defaults);
        var (admission, hold) = await budgets.ReserveAsync(ownerUserId, orgId, conversationId, budgets.ForSentence(), timeZone: null);
        if (admission.Refusal is { } refusal) return new ScheduledSentence("", [], [], Refusal: refusal);
        meter.Models = admission.Models;
        try
        {
            var text = await WriteAnswerAsync(title, sql, rows, meter, cancellationToken);
            return new ScheduledSentence(text, meter.Usages, meter.Records, hold);
        }
        catch (ModelUnavailableException error)
        {
            LogModelFailed(logger, ownerUserId, error.Message);
            return new ScheduledSentence("", meter.Usages, meter.Records, hold);
        }
    }

    /// <summary>The rows as a picture when their shape suits one (drawn when a notice is handed out, so no bytes are stored).</summary>
    public Task<AnswerChart?> ChartForScheduleAsync(string title, QueryResult rows) => ChartAsync(title, rows, null);
}
