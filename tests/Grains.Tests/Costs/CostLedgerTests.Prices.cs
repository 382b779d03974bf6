using Microsoft.Extensions.Time.Testing;
using OrleansAssistant.Grains.Costs;

namespace OrleansAssistant.Grains.Tests.Costs;

public abstract partial class CostLedgerTests
{
    private static readonly DateTimeOffset PriceChange = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PriceAt_SchemaSeed_CarriesModelPricingOverFrom2000()
    {
        var price = await new PriceBook(Database, TimeProvider.System).PriceAtAsync("gemini-2.5-flash", March, CancellationToken.None);

        Assert.Equal(Flash25, price);
    }

    [Fact]
    public async Task PriceAt_BeforeAndAfterAChange_GivesThePriceInForce()
    {
        var model = NewModel();
        var prices = new PriceBook(Database, TimeProvider.System);
        await prices.SetPriceAsync(new ModelPrice(model, 0.30m, 2.50m, March), CancellationToken.None);
        await prices.SetPriceAsync(new ModelPrice(model, 0.45m, 3.75m, PriceChange), CancellationToken.None);

        Assert.Null(await prices.PriceAtAsync(model, March.AddTicks(-1), CancellationToken.None));
        Assert.Equal(0.30m, (await prices.PriceAtAsync(model, PriceChange.AddMilliseconds(-1), CancellationToken.None))?.InputPerMillion);
        Assert.Equal(0.45m, (await prices.PriceAtAsync(model, PriceChange, CancellationToken.None))?.InputPerMillion);
        Assert.Equal(3.75m, (await prices.PriceAtAsync(model, PriceChange.AddYears(1), CancellationToken.None))?.OutputPerMillion);
    }

    [Fact]
    public async Task RecordedConversations_EachUseThePriceInForceWhenTheyStarted()
    {
        var (model, userId) = (NewModel(), NewId());
        var prices = new PriceBook(Database, TimeProvider.System);
        await prices.SetPriceAsync(new ModelPrice(model, 0.30m, 2.50m, March), CancellationToken.None);
        await prices.SetPriceAsync(new ModelPrice(model, 0.60m, 5.00m, PriceChange), CancellationToken.None);

        foreach (var startedAt in new[] { PriceChange.AddDays(-1), PriceChange.AddDays(1) })
        {
            var price = await prices.PriceAtAsync(model, startedAt, CancellationToken.None);
            await Ledger.RecordAsync(Conversation(NewConversationId(), userId, null, startedAt),
                [Stage(1, 1, "summary", price!, 765, 1_970, startedAt)], null, CancellationToken.None);
        }

        var reports = new CostReports(Database);
        var before = await reports.TotalsAsync(CostScope.User(userId), March, PriceChange, CancellationToken.None);
        var after = await reports.TotalsAsync(CostScope.User(userId), PriceChange, PriceChange.AddMonths(1), CancellationToken.None);
        Assert.Equal((0.0002295m, 0.004925m), (before.InputCost, before.OutputCost));
        Assert.Equal((0.000459m, 0.00985m), (after.InputCost, after.OutputCost));
    }

    [Fact]
    public async Task SetPrice_SameEffectiveDate_UpdatesThatRow()
    {
        var model = NewModel();
        var prices = new PriceBook(Database, TimeProvider.System);
        await prices.SetPriceAsync(new ModelPrice(model, 1m, 2m, March), CancellationToken.None);

        await prices.SetPriceAsync(new ModelPrice(model, 1.25m, 10m, March), CancellationToken.None);

        Assert.Equal(new ModelPrice(model, 1.25m, 10m, March), await prices.PriceAtAsync(model, March, CancellationToken.None));
        Assert.Equal(1, await CountAsync("ModelPrices", "Model", model));
    }

    [Fact]
    public async Task Seed_InsertsMissingPrices_AndNeverChangesExistingOnes()
    {
        var model = NewModel();
        var prices = new PriceBook(Database, TimeProvider.System);

        await prices.SeedAsync([Flash25 with { InputPerMillion = 9m }, new ModelPrice(model, 0.05m, 0.20m, Since2000)], CancellationToken.None);
        await prices.SeedAsync([new ModelPrice(model, 7m, 7m, Since2000)], CancellationToken.None);

        Assert.Equal(Flash25, await prices.PriceAtAsync(Flash25.Model, March, CancellationToken.None));
        Assert.Equal(new ModelPrice(model, 0.05m, 0.20m, Since2000), await prices.PriceAtAsync(model, March, CancellationToken.None));
    }

    [Fact]
    public async Task PriceAt_ChangedOnAnotherSilo_AppliesAfterTheCacheMinute()
    {
        var model = NewModel();
        var clock = new FakeTimeProvider(March);
        var here = new PriceBook(Database, clock);
        var elsewhere = new PriceBook(Database, clock);
        await elsewhere.SetPriceAsync(new ModelPrice(model, 1m, 1m, Since2000), CancellationToken.None);
        Assert.Equal(1m, (await here.PriceAtAsync(model, March, CancellationToken.None))?.InputPerMillion);

        await elsewhere.SetPriceAsync(new ModelPrice(model, 2m, 2m, Since2000), CancellationToken.None);
        var cached = await here.PriceAtAsync(model, March, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var refreshed = await here.PriceAtAsync(model, March, CancellationToken.None);

        Assert.Equal(1m, cached?.InputPerMillion);
        Assert.Equal(2m, refreshed?.InputPerMillion);
    }

    [Fact]
    public void Cost_UnknownModel_IsZero_AndKnownIsExact()
    {
        Assert.Equal((0m, 0m), CostCalculator.Cost(null, 765, 1_970));
        Assert.Equal((0.0002295m, 0.004925m), CostCalculator.Cost(Flash25, 765, 1_970));
        Assert.Equal(0.0000000375m, CostCalculator.Cost(Flash25 with { InputPerMillion = 0.0375m }, 1, 0).InputCost);
    }

    private static string NewModel() => $"model-{Guid.NewGuid():N}";
}
