using Microsoft.Extensions.Logging;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Llm;
using OrleansAssistant.Hosting.Resilience;

namespace OrleansAssistant.Grains.Budgets;

/// <summary>
/// The questions' and scheduled runs' way to their budget: a pessimistic estimate, the reservation before the first model call,
/// and the settlement once the cost is in the ledger. A person with no budget and no installation cap is not asked about.
/// </summary>
public sealed partial class BudgetGate(IGrainFactory grains, BudgetPolicy policy, ModelSettings models, ILogger<BudgetGate> logger)
{
    public StageModels Defaults => new(models.SummaryModel, models.AnswerModel, models.EmailModel);

    /// <summary>
    /// A question whose stage-1 prompt is <paramref name="promptTokens"/> (o200k tokens, <see cref="Questions.TokenEstimate"/>): that prompt
    /// raised by the policy's margin (the model's own tokenizer may count more), stage 1 twice (a repair round sends the
    /// conversation again), and stage 2 with up to 100 rows.
    /// </summary>
    public SpendEstimate ForQuestion(int promptTokens)
    {
        var input = (int)Math.Ceiling(promptTokens * policy.EstimateMargin);
        return new SpendEstimate(2 * input, 2 * policy.SummaryOutputTokens, policy.AnswerInputTokens, policy.AnswerOutputTokens);
    }

    /// <summary>A scheduled run's stage-2 sentence.</summary>
    public SpendEstimate ForSentence() => new(0, 0, policy.AnswerInputTokens, policy.AnswerOutputTokens);

    public async Task<(SpendAdmission Admission, BudgetHold? Hold)> ReserveAsync(long userId, string? orgId, string conversationId, SpendEstimate estimate,
        string? timeZone)
    {
        if (orgId is null && policy.PersonalMonthlyUsd is null && policy.InstallationDailyUsd is null)
        {
            return (SpendAdmission.Granted(Defaults, conversationId, 0), null);
        }
        var key = BudgetKeys.Of(userId, orgId);
        var admission = await grains.GetGrain<IBudgetGrain>(key).ReserveAsync(new SpendRequest(userId, orgId, conversationId, estimate, timeZone));
        return (admission, admission.Admitted ? new BudgetHold(key, conversationId) : null);
    }

    /// <summary>
    /// Ends the hold with the real cost. A failure here costs nothing but accuracy for a while: the reservation lapses and the
    /// budget reads the ledger again, so the answer is never held back for it.
    /// </summary>
    /// <param name="completedAt">The conversation's <c>CompletedAt</c> in the ledger; null when nothing was recorded.</param>
    public async Task SettleAsync(BudgetHold? hold, string conversationId, long userId, decimal actualUsd, DateTimeOffset startedAt, DateTimeOffset? completedAt)
    {
        if (hold is null) return;
        try
        {
            await grains.GetGrain<IBudgetGrain>(hold.BudgetKey)
                .SettleAsync(new SpendSettlement(hold.ReservationId, conversationId, userId, actualUsd, startedAt, completedAt));
        }
        catch (Exception error) when (error is not OperationCanceledException || TransientClusterErrors.IsTransient(error))
        {
            LogSettleFailed(logger, hold.BudgetKey, conversationId, error.GetType().Name);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Budget {Budget}: conversation {ConversationId} could not be settled ({Error}); its reservation lapses and the ledger is read again")]
    private static partial void LogSettleFailed(ILogger logger, string budget, string conversationId, string error);
}
