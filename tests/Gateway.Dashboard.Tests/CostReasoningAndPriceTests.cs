using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Gateway.Dashboard.Tests;

/// <summary>
/// The owner's cost views over a question whose first call thought (reasoning tokens) and whose second call's
/// model had no price: reasoning is its own figure and column, and an unknown price is never written as $0.
/// Recorded by the app's own ledger, for each app-database provider.
/// </summary>
public abstract class CostReasoningAndPriceTests
{
    private const string Unpriced = "no-price-model";

    protected abstract Task<Dictionary<string, string?>> SettingsAsync();

    [Fact]
    public async Task CostViews_ShowReasoningTokens_AndPriceUnknown_InJsonAndCsv()
    {
        await using var host = await DashboardHost.StartAsync(await SettingsAsync());
        var org = await host.NewOrganizationAsync("Thinking");
        var at = new DateTimeOffset(host.Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddHours(1);
        var (input, output) = CostCalculator.Cost(new ModelPrice("gemini-2.5-flash", 0.30m, 2.50m, at), 1_000, 100, reasoningTokens: 200);
        await host.Services.GetRequiredService<ConversationLedger>().RecordAsync(
            new ConversationRecord(Guid.NewGuid().ToString("N"), org.OwnerId, org.OwnerId, org.OrgId, null, "Why?", "Conversation", "Answered", "Because.",
                                   null, at, at, 900),
            [
                new StageRecord(1, 1, "summary", "gemini-2.5-flash", 1_000, 100, input, output, at, 400, true, ReasoningTokens: 200),
                new StageRecord(2, 2, "answer", Unpriced, 400, 30, 0m, 0m, at, 500, true, ReasoningTokens: 70, PriceKnown: false),
            ],
            null, CancellationToken.None);
        var owner = await host.LoginAsync(org.Owner.Username, org.Owner.Password);

        var overview = (await owner.GetAnswerAsync("/dashboard/costs/overview")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((270L, 1L), (overview.GetProperty("reasoningTokens").GetInt64(), overview.GetProperty("unpricedCalls").GetInt64()));
        Assert.Equal(0.00105m, overview.GetProperty("totalCost").GetDecimal());
        var byModel = (await owner.GetAnswerAsync("/dashboard/costs/by-model")).Expect(HttpStatusCode.OK).Json.GetProperty("lines").EnumerateArray()
            .ToDictionary(line => line.GetProperty("model").GetString()!);
        Assert.Equal((200L, 0L), (byModel["gemini-2.5-flash"].GetProperty("reasoningTokens").GetInt64(), byModel["gemini-2.5-flash"].GetProperty("unpricedCalls").GetInt64()));
        Assert.Equal((70L, 1L), (byModel[Unpriced].GetProperty("reasoningTokens").GetInt64(), byModel[Unpriced].GetProperty("unpricedCalls").GetInt64()));
        var perUser = Assert.Single((await owner.GetAnswerAsync("/dashboard/costs/per-user")).Expect(HttpStatusCode.OK).Json.GetProperty("lines").EnumerateArray());
        Assert.Equal((270L, 1L), (perUser.GetProperty("reasoningTokens").GetInt64(), perUser.GetProperty("unpricedCalls").GetInt64()));

        var modelCsv = Csv(await owner.GetAnswerAsync("/dashboard/costs/by-model?format=csv"));
        Assert.Equal(["model", "calls", "input_tokens", "output_tokens", "reasoning_tokens", "input_cost_usd", "output_cost_usd", "total_cost_usd", "unpriced_calls"], modelCsv[0]);
        Assert.Contains([Unpriced, "1", "400", "30", "70", "price unknown", "price unknown", "price unknown", "1"], modelCsv);
        Assert.Contains(["gemini-2.5-flash", "1", "1000", "100", "200", "0.0003", "0.00075", "0.00105", "0"],
                        modelCsv.Select(row => row.Select(Trimmed).ToArray()));
        var overviewCsv = Csv(await owner.GetAnswerAsync("/dashboard/costs/overview?format=csv"));
        var total = overviewCsv[1][Array.IndexOf(overviewCsv[0], "total_cost_usd")];
        Assert.Equal(">= 0.00105", Trimmed(total));
        Assert.Equal("270", overviewCsv[1][Array.IndexOf(overviewCsv[0], "reasoning_tokens")]);
        var stageCsv = Csv(await owner.GetAnswerAsync("/dashboard/costs/by-stage?format=csv"));
        Assert.Contains(stageCsv, row => row[0] == "2" && row[5] == "70" && row[8] == "price unknown");
    }

    /// <summary>Rows of a CSV download (no cell here holds a comma or a quote).</summary>
    private static string[][] Csv(Answer answer) =>
        [.. answer.Expect(HttpStatusCode.OK).Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(','))];

    /// <summary>A decimal cell without the trailing zeros of the column's scale.</summary>
    private static string Trimmed(string cell)
    {
        var prefix = cell.StartsWith(">= ", StringComparison.Ordinal) ? ">= " : "";
        return decimal.TryParse(cell[prefix.Length..], NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? prefix + (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
            : cell;
    }
}

public sealed class SqliteCostReasoningAndPriceTests : CostReasoningAndPriceTests
{
    protected override Task<Dictionary<string, string?>> SettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}

/// <summary>Needs the server ./test.sh starts; without it these tests fail rather than skip.</summary>
public sealed class PostgreSqlCostReasoningAndPriceTests : CostReasoningAndPriceTests
{
    protected override async Task<Dictionary<string, string?>> SettingsAsync() => new()
    {
        ["AppDatabase:Provider"] = "PostgreSql",
        ["AppDatabase:ConnectionString"] = await TestPostgres.CreateDatabaseAsync("dashboard_reasoning"),
    };
}
