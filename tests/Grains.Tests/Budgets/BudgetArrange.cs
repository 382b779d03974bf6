using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.Grains.Tests.Databases;
using OrleansAssistant.Grains.Tests.Questions;
using OrleansAssistant.Grains.Tests.Schedules;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Grains.Tests.Budgets;

/// <summary>Organizations with the shop database and questions whose cost is known to the last digit.</summary>
public static class BudgetArrange
{
    /// <summary>
    /// What <see cref="AskAsync"/> costs at the pinned models' prices: stage 1 100 in × 0.30/M + 10 out × 2.50/M, stage 2 100 in × 0.10/M
    /// + 10 out × 0.40/M.
    /// </summary>
    public const decimal QuestionCost = 0.000069m;

    public sealed record Organization(long OwnerId, string OrgId, string DatabaseId, IBudgetGrain Budget, Principal Owner);

    public static async Task<Organization> OrganizationAsync(QuestionSiloFixture fixture, decimal? monthlyUsd = null)
    {
        var (ownerId, orgId) = await fixture.Grains.NewOrganizationAsync();
        var fileName = await ShopDatabases.SqliteShopAsync(fixture.SqliteFolder);
        var added = await fixture.Grains.GetGrain<IDatabasesGrain>(0).AddAsync(ownerId, "Shop", $"sqlite:///{fileName}");
        Assert.True(added.Succeeded, added.Message);
        var budget = fixture.Grains.GetGrain<IBudgetGrain>(BudgetKeys.Organization(orgId));
        var owner = await ScheduleArrange.PrincipalAsync(fixture.Grains, ownerId);
        if (monthlyUsd is not null) Assert.Equal(BudgetChange.Changed, await budget.SetMonthlyLimitAsync(owner, monthlyUsd));
        return new Organization(ownerId, orgId, added.Database!.DatabaseId, budget, owner);
    }

    /// <summary>A new member of the organization with its shop database selected.</summary>
    public static async Task<long> MemberAsync(QuestionSiloFixture fixture, Organization organization)
    {
        var memberId = await fixture.Grains.NewMemberAsync(organization.OwnerId);
        Assert.True((await fixture.Grains.GetGrain<IDatabasesGrain>(0).SelectAsync(memberId, organization.DatabaseId)).Succeeded);
        return memberId;
    }

    /// <summary>Asks through the user grain; the fake model answers every stage-1 call with the customers query and every stage-2 call with a sentence.</summary>
    public static Task<QuestionAnswer> AskAsync(QuestionSiloFixture fixture, long userId, string question = "Where do our customers live?")
    {
        fixture.Model.Respond(Reply);
        return fixture.Grains.GetGrain<IUserGrain>(userId).AskAsync(userId, question, null, $"tg_{userId}_{Random.Shared.Next(1, 1_000_000)}");
    }

    /// <summary>Stage 1 asks for JSON (a response format); stage 2 for text.</summary>
    public static ScriptedReply Reply(RecordedModelRequest request) => request.Body.RootElement.TryGetProperty("response_format", out _)
        ? ScriptedReply.Json(new { way = "SqlQuery", sql = ScheduleArrange.CustomersSql, answer = "Looking." }, 100, 10)
        : ScriptedReply.Text("Here they are.", 100, 10);
}
