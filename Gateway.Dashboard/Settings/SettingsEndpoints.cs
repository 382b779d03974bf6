using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrleansAssistant.Authorization;
using OrleansAssistant.Gateway.Dashboard.Http;
using OrleansAssistant.Gateway.Dashboard.Sessions;
using OrleansAssistant.Grains.Interfaces.Budgets;

namespace OrleansAssistant.Gateway.Dashboard.Settings;

/// <summary>
/// The Settings tab (owners): the organization's monthly budget, its members' budgets, the zone its months begin in and the
/// model of each stage. The budget grain decides every change; a change that is done answers with the whole page again.
/// </summary>
internal static class SettingsEndpoints
{
    private const AssistantAction Manage = AssistantAction.ManageBudgets;
    private const int MaxTimeZoneLength = 64;

    public static void MapSettingsEndpoints(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/settings");
        settings.MapGet("", GetAsync).RequireAction(Manage)
            .WithSummary("The organization's budget, this month's spend, members' budgets and spend, zone, and the models of each stage with the priced ones to choose from.")
            .Produces<SettingsView>().ProducesProblem(StatusCodes.Status404NotFound);
        MapChange(settings.MapPut("/budget", SetBudgetAsync), typeof(BudgetRequest),
            "Set the organization's monthly budget in US dollars (null removes it); below what is spent, questions stop at once.");
        MapChange(settings.MapPut("/members/{userId}/budget", SetMemberBudgetAsync), typeof(BudgetRequest),
            "Set one member's monthly budget (null removes it); above the organization's it is accepted, and the organization's still binds.");
        MapChange(settings.MapPut("/timezone", SetTimeZoneAsync), typeof(TimeZoneRequest), "Set the IANA zone the organization's months begin in.");
        MapChange(settings.MapPut("/models", SetModelsAsync), typeof(ModelsRequest),
            "Choose the model of each stage among the priced ones; null keeps the installation's default.");
    }

    private static void MapChange(RouteHandlerBuilder endpoint, Type body, string summary) =>
        endpoint.RequireAction(Manage).WithSummary(summary).Accepts(body, "application/json").Produces<SettingsView>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> GetAsync(DashboardCaller caller, IGrainFactory grains, PeopleDirectory people) =>
        await SettingsViews.LoadAsync(caller, grains, people) is { } view ? TypedResults.Ok(view) : Problems.NotFound(BudgetChangeAnswers.NotFound);

    private static async Task<IResult> SetBudgetAsync(HttpRequest request, DashboardCaller caller, IGrainFactory grains, PeopleDirectory people, CancellationToken cancellationToken)
    {
        if (!BudgetAmount.TryRead(await SettingsBody.ReadObjectAsync(request, cancellationToken), out var usd))
        {
            return Problems.Invalid(BudgetAmount.Field, BudgetAmount.Rule);
        }
        var change = await grains.BudgetOf(caller).SetMonthlyLimitAsync(caller.Principal, usd);
        return await AnswerAsync(change, BudgetAmount.Field, caller, grains, people);
    }

    private static async Task<IResult> SetMemberBudgetAsync(
        string userId, HttpRequest request, DashboardCaller caller, IGrainFactory grains, PeopleDirectory people, CancellationToken cancellationToken)
    {
        // Text that is no user id names nobody, like another organization's member.
        if (!long.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var memberId) || memberId <= 0)
        {
            return Problems.NotFound(BudgetChangeAnswers.NotAMember);
        }
        if (!BudgetAmount.TryRead(await SettingsBody.ReadObjectAsync(request, cancellationToken), out var usd))
        {
            return Problems.Invalid(BudgetAmount.Field, BudgetAmount.Rule);
        }
        var change = await grains.BudgetOf(caller).SetMemberLimitAsync(caller.Principal, memberId, usd);
        return await AnswerAsync(change, BudgetAmount.Field, caller, grains, people);
    }

    private static async Task<IResult> SetTimeZoneAsync(HttpRequest request, DashboardCaller caller, IGrainFactory grains, PeopleDirectory people, CancellationToken cancellationToken)
    {
        var body = await SettingsBody.ReadObjectAsync(request, cancellationToken);
        if (body is not { } fields || !fields.TryGetProperty(BudgetChangeAnswers.TimeZoneField, out var value) || value.ValueKind != JsonValueKind.String
            || value.GetString()!.Trim() is not { Length: > 0 and <= MaxTimeZoneLength } zone)
        {
            return Problems.Invalid(BudgetChangeAnswers.TimeZoneField, BudgetChangeAnswers.TimeZoneRule);
        }
        var change = await grains.BudgetOf(caller).SetTimeZoneAsync(caller.Principal, zone);
        return await AnswerAsync(change, BudgetChangeAnswers.TimeZoneField, caller, grains, people);
    }

    private static async Task<IResult> SetModelsAsync(HttpRequest request, DashboardCaller caller, IGrainFactory grains, PeopleDirectory people, CancellationToken cancellationToken)
    {
        var (models, problem) = StageChoice.Read(await SettingsBody.ReadObjectAsync(request, cancellationToken));
        if (problem is not null) return problem;
        var budget = grains.BudgetOf(caller);
        var change = await budget.SetModelsAsync(caller.Principal, models!);
        if (change == BudgetChange.UnpricedModel)
        {
            // The grain says a model lacks a price, not which: name the stage from the priced models it offers.
            var priced = (await budget.GetSettingsAsync(caller.Principal))?.PricedModels ?? [];
            if (StageChoice.Unpriced(models!, priced) is var (field, model)) return BudgetChangeAnswers.Unpriced(field, model);
            return BudgetChangeAnswers.Refusal(change, StageChoice.Summary);
        }
        return await AnswerAsync(change, StageChoice.Summary, caller, grains, people);
    }

    private static async Task<IResult> AnswerAsync(BudgetChange change, string field, DashboardCaller caller, IGrainFactory grains, PeopleDirectory people)
    {
        if (change != BudgetChange.Changed) return BudgetChangeAnswers.Refusal(change, field);
        return await GetAsync(caller, grains, people);
    }
}
