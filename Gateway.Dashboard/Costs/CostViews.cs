using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Grains.Interfaces.Costs;

namespace OrleansAssistant.Gateway.Dashboard.Costs;

/// <summary>
/// Reads each cost view once and shapes it as JSON and as CSV. Reasoning tokens have their own column; a cost
/// that leaves out calls without a price is never written as a plain number (see <see cref="Cost"/>).
/// </summary>
internal static class CostViews
{
    public const string PriceUnknown = "price unknown";

    // The grain's records are the JSON as they are; only per-user (names) and input/output (the range) add to them.
    public static async Task<CostView<CostOverview>> OverviewAsync(CostQuery query)
    {
        var o = await query.Costs.OverviewAsync(query.OrgId, query.Range.From, query.Range.To);
        var csv = new CsvFile("from_utc", "to_utc", "questions", "active_users", "input_tokens", "output_tokens", "reasoning_tokens",
                              "input_cost_usd", "output_cost_usd", "total_cost_usd", "unpriced_calls", "verified_answers", "tokens_saved");
        csv.Add(o.From, o.To, o.Questions, o.ActiveUsers, o.InputTokens, o.OutputTokens, o.ReasoningTokens,
                Cost(o.InputCost, o.UnpricedCalls), Cost(o.OutputCost, o.UnpricedCalls), Cost(o.TotalCost, o.UnpricedCalls), o.UnpricedCalls,
                o.VerifiedAnswers, o.TokensSaved);
        return new(o, csv);
    }

    public static async Task<CostView<CostLines<ModelCostLine>>> ByModelAsync(CostQuery query)
    {
        var lines = await query.Costs.ByModelAsync(query.OrgId, query.Range.From, query.Range.To);
        var csv = new CsvFile("model", "calls", "input_tokens", "output_tokens", "reasoning_tokens", "input_cost_usd", "output_cost_usd", "total_cost_usd", "unpriced_calls");
        foreach (var l in lines)
        {
            csv.Add(l.Model, l.Calls, l.InputTokens, l.OutputTokens, l.ReasoningTokens,
                    Cost(l.InputCost, l.UnpricedCalls), Cost(l.OutputCost, l.UnpricedCalls), Cost(l.TotalCost, l.UnpricedCalls), l.UnpricedCalls);
        }
        return new(new CostLines<ModelCostLine>(query.Range.From, query.Range.To, lines), csv);
    }

    public static async Task<CostView<CostLines<StageCostLine>>> ByStageAsync(CostQuery query)
    {
        var lines = await query.Costs.ByStageAsync(query.OrgId, query.Range.From, query.Range.To);
        var csv = new CsvFile("stage_number", "stage_name", "calls", "input_tokens", "output_tokens", "reasoning_tokens",
                              "input_cost_usd", "output_cost_usd", "total_cost_usd", "unpriced_calls");
        foreach (var l in lines)
        {
            csv.Add(l.StageNumber, l.StageName, l.Calls, l.InputTokens, l.OutputTokens, l.ReasoningTokens,
                    Cost(l.InputCost, l.UnpricedCalls), Cost(l.OutputCost, l.UnpricedCalls), Cost(l.TotalCost, l.UnpricedCalls), l.UnpricedCalls);
        }
        return new(new CostLines<StageCostLine>(query.Range.From, query.Range.To, lines), csv);
    }

    public static async Task<CostView<CostLines<UserCostView>>> PerUserAsync(CostQuery query)
    {
        var lines = await query.Costs.ByUserAsync(query.OrgId, query.Range.From, query.Range.To);
        var names = await query.People.NamesAsync(lines.Select(l => l.UserId));
        var csv = new CsvFile("user_id", "display_name", "questions", "input_tokens", "output_tokens", "reasoning_tokens",
                              "input_cost_usd", "output_cost_usd", "total_cost_usd", "unpriced_calls");
        foreach (var l in lines)
        {
            csv.Add(l.UserId, names[l.UserId], l.Questions, l.InputTokens, l.OutputTokens, l.ReasoningTokens,
                    Cost(l.InputCost, l.UnpricedCalls), Cost(l.OutputCost, l.UnpricedCalls), Cost(l.TotalCost, l.UnpricedCalls), l.UnpricedCalls);
        }
        var views = lines.Select(l => new UserCostView(l.UserId, names[l.UserId], l.Questions, l.InputTokens, l.OutputTokens, l.InputCost, l.OutputCost, l.TotalCost,
                                                       l.ReasoningTokens, l.UnpricedCalls)).ToArray();
        return new(new CostLines<UserCostView>(query.Range.From, query.Range.To, views), csv);
    }

    public static async Task<CostView<InputOutputView>> InputOutputAsync(CostQuery query)
    {
        var split = await query.Costs.InputOutputAsync(query.OrgId, query.Range.From, query.Range.To);
        var csv = new CsvFile("from_utc", "to_utc", "input_tokens", "input_cost_usd", "output_tokens", "reasoning_tokens", "output_cost_usd", "unpriced_calls");
        csv.Add(query.Range.From, query.Range.To, split.InputTokens, Cost(split.InputCost, split.UnpricedCalls), split.OutputTokens, split.ReasoningTokens,
                Cost(split.OutputCost, split.UnpricedCalls), split.UnpricedCalls);
        return new(new InputOutputView(query.Range.From, query.Range.To, split.InputTokens, split.InputCost, split.OutputTokens, split.OutputCost,
                                       split.ReasoningTokens, split.UnpricedCalls), csv);
    }

    /// <summary>
    /// A cost cell: the amount when every call had a price; "price unknown" when none of the line's cost is known;
    /// otherwise "&gt;= amount", text on purpose, so a spreadsheet does not add a lower bound up as an exact cost.
    /// </summary>
    public static object Cost(decimal pricedAmount, long unpricedCalls) => unpricedCalls == 0 ? pricedAmount
        : pricedAmount == 0 ? PriceUnknown
        : ">= " + pricedAmount.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
