using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Grains.Interfaces.Costs;

namespace OrleansAssistant.Gateway.Dashboard.Costs;

/// <summary>Reads each cost view once and shapes it as JSON and as CSV.</summary>
internal static class CostViews
{
    // The grain's records are the JSON as they are; only per-user (names) and input/output (the range) add to them.
    public static async Task<CostView<CostOverview>> OverviewAsync(CostQuery query)
    {
        var o = await query.Costs.OverviewAsync(query.OrgId, query.Range.From, query.Range.To);
        var csv = new CsvFile("from_utc", "to_utc", "questions", "active_users", "input_tokens", "output_tokens", "input_cost_usd", "output_cost_usd", "total_cost_usd");
        csv.Add(o.From, o.To, o.Questions, o.ActiveUsers, o.InputTokens, o.OutputTokens, o.InputCost, o.OutputCost, o.TotalCost);
        return new(o, csv);
    }

    public static async Task<CostView<CostLines<ModelCostLine>>> ByModelAsync(CostQuery query)
    {
        var lines = await query.Costs.ByModelAsync(query.OrgId, query.Range.From, query.Range.To);
        var csv = new CsvFile("model", "calls", "input_tokens", "output_tokens", "input_cost_usd", "output_cost_usd", "total_cost_usd");
        foreach (var l in lines) csv.Add(l.Model, l.Calls, l.InputTokens, l.OutputTokens, l.InputCost, l.OutputCost, l.TotalCost);
        return new(new CostLines<ModelCostLine>(query.Range.From, query.Range.To, lines), csv);
    }

    public static async Task<CostView<CostLines<StageCostLine>>> ByStageAsync(CostQuery query)
    {
        var lines = await query.Costs.ByStageAsync(query.OrgId, query.Range.From, query.Range.To);
        var csv = new CsvFile("stage_number", "stage_name", "calls", "input_tokens", "output_tokens", "input_cost_usd", "output_cost_usd", "total_cost_usd");
        foreach (var l in lines) csv.Add(l.StageNumber, l.StageName, l.Calls, l.InputTokens, l.OutputTokens, l.InputCost, l.OutputCost, l.TotalCost);
        return new(new CostLines<StageCostLine>(query.Range.From, query.Range.To, lines), csv);
    }

    public static async Task<CostView<CostLines<UserCostView>>> PerUserAsync(CostQuery query)
    {
        var lines = await query.Costs.ByUserAsync(query.OrgId, query.Range.From, query.Range.To);
        var names = await query.People.NamesAsync(lines.Select(l => l.UserId));
        var csv = new CsvFile("user_id", "display_name", "questions", "input_tokens", "output_tokens", "input_cost_usd", "output_cost_usd", "total_cost_usd");
        foreach (var l in lines) csv.Add(l.UserId, names[l.UserId], l.Questions, l.InputTokens, l.OutputTokens, l.InputCost, l.OutputCost, l.TotalCost);
        var views = lines.Select(l => new UserCostView(l.UserId, names[l.UserId], l.Questions, l.InputTokens, l.OutputTokens, l.InputCost, l.OutputCost, l.TotalCost)).ToArray();
        return new(new CostLines<UserCostView>(query.Range.From, query.Range.To, views), csv);
    }

    public static async Task<CostView<InputOutputView>> InputOutputAsync(CostQuery query)
    {
        var split = await query.Costs.InputOutputAsync(query.OrgId, query.Range.From, query.Range.To);
        var csv = new CsvFile("from_utc", "to_utc", "input_tokens", "input_cost_usd", "output_tokens", "output_cost_usd");
        csv.Add(query.Range.From, query.Range.To, split.InputTokens, split.InputCost, split.OutputTokens, split.OutputCost);
        return new(new InputOutputView(query.Range.From, query.Range.To, split.InputTokens, split.InputCost, split.OutputTokens, split.OutputCost), csv);
    }
}
