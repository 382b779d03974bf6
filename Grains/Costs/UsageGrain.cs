using Orleans.Concurrency;
using OrleansAssistant.Grains.Interfaces.Questions;

namespace OrleansAssistant.Grains.Costs;

/// <summary>Serves ledger reads to the gateways; stateless, so it runs beside whichever silo is asked.</summary>
[StatelessWorker]
public sealed class UsageGrain(CostReports reports, ConversationLedger ledger) : Grain, IUsageGrain
{
    private const int MaxHistory = 50;

    public async Task<UsageReport> ForUserAsync(long userId, DateTimeOffset from, DateTimeOffset to)
    {
        var scope = CostScope.User(userId);
        var totals = await reports.TotalsAsync(scope, from, to, CancellationToken.None);
        var byModel = await reports.ByModelAsync(scope, from, to, CancellationToken.None);
        var byStage = await reports.ByStageAsync(scope, from, to, CancellationToken.None);
        var verified = await reports.VerifiedAsync(scope, from, to, CancellationToken.None);
        return new UsageReport(from, to, totals.Questions, totals.InputTokens, totals.OutputTokens, totals.TotalCost,
            byModel.Select(model => new UsageLine(model.Model, model.Calls, model.InputTokens, model.OutputTokens, model.TotalCost,
                                                  model.ReasoningTokens, model.UnpricedCalls)).ToArray(),
            byStage.Select(stage => new UsageLine($"Stage {stage.StageNumber} {stage.StageName}", stage.Calls, stage.InputTokens, stage.OutputTokens,
                                                  stage.TotalCost, stage.ReasoningTokens, stage.UnpricedCalls)).ToArray(),
            totals.ReasoningTokens, totals.UnpricedCalls, verified.Answers, verified.TokensSaved);
    }

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(long userId, int count)
    {
        var turns = await ledger.HistoryAsync(userId, Math.Clamp(count, 1, MaxHistory), CancellationToken.None);
        var calls = await ledger.CallsAsync([.. turns.Select(turn => turn.ConversationId).OfType<string>()], CancellationToken.None);
        return turns.Select(turn => new HistoryEntry(turn.CreatedAt, turn.Question, turn.Answer, turn.Way, turn.TotalCost,
            turn.ConversationId is { } id && calls.TryGetValue(id, out var stages) ? stages : [],
            turn.ConversationId, turn.Sql is not null && turn.RowCount > 0)).ToArray();
    }
}
