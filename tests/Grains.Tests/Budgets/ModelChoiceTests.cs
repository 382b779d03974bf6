using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Interfaces.Budgets;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Tests.Questions;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Grains.Tests.Budgets;

/// <summary>An organization's choice of stage models: only priced ones, used by its questions, recorded at their price, and dropped when unpriced.</summary>
[Collection(BudgetSiloCollection.Name)]
public sealed class ModelChoiceTests(BudgetSiloFixture fixture)
{
    private const string Cheap = BudgetSiloFixture.CheapModel;

    [Fact]
    public async Task ChosenModel_ReachesTheModelRequest_AndTheCostRowsAtItsPrice()
    {
        var org = await BudgetArrange.OrganizationAsync(fixture);
        Assert.Equal(BudgetChange.Changed, await org.Budget.SetModelsAsync(org.Owner, new ChosenModels(Summary: Cheap)));
        var before = fixture.Model.Requests.Count;

        var answer = await BudgetArrange.AskAsync(fixture, org.OwnerId);

        Assert.Equal(QuestionOutcome.Answered, answer.Outcome);
        Assert.Equal([Cheap, PinnedModels.Answer], fixture.Model.Requests.Skip(before).Select(request => request.Model));
        var stages = await Asker.StagesAsync(fixture.DataDirectory, answer.ConversationId!);
        // 100 in × 0.05/M, 10 out × 0.20/M for the chosen model; stage 2 keeps the installation's model and price.
        Assert.Equal([(1, Cheap, 0.000005m, 0.000002m), (2, PinnedModels.Answer, 0.00001m, 0.000004m)],
            stages.Select(stage => (stage.Stage, stage.Model, stage.InputCost, stage.OutputCost)));
    }

    [Fact]
    public async Task Settings_OfferThePricedModels_AndShowTheChoiceInForce()
    {
        var org = await BudgetArrange.OrganizationAsync(fixture);
        await org.Budget.SetModelsAsync(org.Owner, new ChosenModels(Answer: Cheap));

        var settings = await org.Budget.GetSettingsAsync(org.Owner);

        Assert.Contains(settings!.PricedModels, model => model.Model == Cheap && model.InputPerMillion == 0.05m && model.OutputPerMillion == 0.20m);
        Assert.Contains(settings.PricedModels, model => model.Model == PinnedModels.Summary);
        Assert.Equal(new ChosenModels(Answer: Cheap), settings.Chosen);
        Assert.Equal(new StageModels(PinnedModels.Summary, Cheap, PinnedModels.Email), settings.InForce);
        Assert.Equal(new StageModels(PinnedModels.Summary, PinnedModels.Answer, PinnedModels.Email), settings.Defaults);
    }

    [Fact]
    public async Task AnUnpricedModel_CannotBeChosen_AndNothingChanges()
    {
        var org = await BudgetArrange.OrganizationAsync(fixture);
        await org.Budget.SetModelsAsync(org.Owner, new ChosenModels(Summary: Cheap));

        var change = await org.Budget.SetModelsAsync(org.Owner, new ChosenModels(Summary: "model-without-a-price"));

        Assert.Equal(BudgetChange.UnpricedModel, change);
        Assert.Equal(new ChosenModels(Summary: Cheap), (await org.Budget.GetSettingsAsync(org.Owner))!.Chosen);
    }

    [Fact]
    public async Task AChosenModelThatLosesItsPrice_FallsBackToTheDefault_AndTheOwnerIsToldOnce()
    {
        var model = $"vanishing-{Guid.NewGuid():N}"[..20];
        var prices = fixture.Silo.Services.GetRequiredService<PriceBook>();
        await prices.SetPriceAsync(new ModelPrice(model, 0.05m, 0.2m, fixture.Clock.GetUtcNow().AddDays(-1)), CancellationToken.None);
        var org = await BudgetArrange.OrganizationAsync(fixture);
        Assert.Equal(BudgetChange.Changed, await org.Budget.SetModelsAsync(org.Owner, new ChosenModels(Summary: model)));
        await RemovePricesAsync(model);
        // Prices are cached for a minute on each silo.
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var before = fixture.Model.Requests.Count;

        await BudgetArrange.AskAsync(fixture, org.OwnerId);
        await BudgetArrange.AskAsync(fixture, org.OwnerId);

        Assert.Equal(PinnedModels.Summary, fixture.Model.Requests[before].Model);
        var told = (await fixture.Grains.GetGrain<IBudgetNoticesGrain>(0).TakeAsync(100)).Where(notice => notice.UserId == org.OwnerId).ToArray();
        var notice = Assert.Single(told);
        Assert.Equal((BudgetNoticeKind.ModelFallback, "Summary", model, PinnedModels.Summary),
            (notice.Kind, notice.Stage, notice.ChosenModel, notice.FallbackModel));
    }

    private async Task RemovePricesAsync(string model)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(fixture.DataDirectory, "app.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM ModelPrices WHERE Model = $model";
        command.Parameters.AddWithValue("$model", model);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
