using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Gateway.Dashboard.Sessions;
using OrleansAssistant.Gateway.Dashboard.Settings;
using OrleansAssistant.Grains.Interfaces.Budgets;

namespace OrleansAssistant.Gateway.Dashboard.Costs;

/// <summary>The current budget month day by day, for the Costs tab's cumulative spend chart with its budget line.</summary>
internal static class MonthSeriesEndpoint
{
    public static void MapMonthSeries(this RouteGroupBuilder costs) =>
        costs.MapGet("/month", MonthAsync).RequireAction(AssistantAction.ViewCosts)
            .WithSummary("This month in the organization's zone, day by day up to today: spent and cumulative spend, with the budget (null without one).")
            .Produces<MonthSpendSeries>().ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<MonthSpendSeries>, ProblemHttpResult>> MonthAsync(DashboardCaller caller, IGrainFactory grains) =>
        await grains.BudgetOf(caller).GetMonthSeriesAsync(caller.Principal) is { } series
            ? TypedResults.Ok(series)
            : Problems.NotFound(BudgetChangeAnswers.NotFound);
}
