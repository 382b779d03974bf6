using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Gateway.Dashboard.Sessions;
using OrleansAssistant.Grains.Interfaces.Costs;

namespace OrleansAssistant.Gateway.Dashboard.Costs;

/// <summary>
/// The organization's AI spend for the owner, each view as JSON or (<c>format=csv</c>) as a CSV file of
/// the same numbers.
/// </summary>
internal static class CostEndpoints
{
    public static void MapCostEndpoints(this RouteGroupBuilder api)
    {
        var costs = api.MapGroup("/costs");
        Map(costs, "/overview", "Questions, active users, tokens and cost over the range.", CostViews.OverviewAsync);
        Map(costs, "/by-model", "Model calls, tokens and cost per model, the most expensive first.", CostViews.ByModelAsync);
        Map(costs, "/by-stage", "Model calls, tokens and cost per pipeline stage.", CostViews.ByStageAsync);
        Map(costs, "/per-user", "Questions, tokens and cost per member, the biggest spender first.", CostViews.PerUserAsync);
        Map(costs, "/input-output", "Tokens and cost of what was sent to the models against what came back.", CostViews.InputOutputAsync);
        costs.MapMonthSeries();
    }

    private static void Map<TView>(RouteGroupBuilder costs, string path, string summary, Func<CostQuery, Task<CostView<TView>>> read) where TView : class =>
        costs.MapGet(path, async Task<Results<Ok<TView>, FileContentHttpResult, ValidationProblem>> (
                string? from, string? to, string? format, DashboardCaller caller, IGrainFactory grains, PeopleDirectory people, TimeProvider time) =>
            {
                var (range, problem) = DateRange.Parse(from, to, time);
                if (problem is not null) return problem;
                var csv = ReportFormat.IsCsv(format);
                if (csv is null) return Problems.Invalid("format", "The format is json or csv.");
                var view = await read(new CostQuery(caller.OrgId, range!, grains.GetGrain<IOrganizationCostsGrain>(0), people));
                return csv.Value ? view.Csv.ToFile($"costs-{path.TrimStart('/')}-{range!.From:yyyy-MM-dd}-{range.To.AddDays(-1):yyyy-MM-dd}.csv") : TypedResults.Ok(view.Json);
            })
            .RequireAction(AssistantAction.ViewCosts)
            .WithSummary(summary)
            .Produces<TView>(StatusCodes.Status200OK, "application/json", CsvFile.ContentType);
}

/// <summary>What a cost view needs: whose costs, over which range, and where to read them.</summary>
internal sealed record CostQuery(string OrgId, DateRange Range, IOrganizationCostsGrain Costs, PeopleDirectory People);

/// <summary>One cost view in both shapes, built from the same numbers.</summary>
internal sealed record CostView<TView>(TView Json, CsvFile Csv);
