using System.Collections.Concurrent;
using System.Globalization;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.Grains.Interfaces.Questions;
using OrleansAssistant.Grains.Interfaces.Users;
using OrleansAssistant.Grains.Storage.Sql;
using OrleansAssistant.Grains.Tests.Cluster;
using OrleansAssistant.Grains.Tests.Databases;
using OrleansAssistant.TestSupport.Models;

namespace OrleansAssistant.Grains.Tests.Costs;

/// <summary>
/// Questions through the fake model server whose replies carry reasoning tokens, or come from a model without
/// a price: what is stored, what it costs and how the cost reads. Runs once per app-database dialect.
/// </summary>
public abstract class ReasoningTokenTests(ReasoningSilo silo)
{
    [Fact]
    public async Task Question_WithReasoningTokens_StoresThemAndBillsThemAtTheOutputPrice()
    {
        var (userId, user) = await NewAskerAsync();
        var replies = new ConcurrentQueue<ScriptedReply>([
            ScriptedReply.Json(new { way = "Conversation", sql = (string?)null, answer = "Hi there." }, 1_000, 100, reasoningTokens: 200)]);
        silo.Model.Respond(_ => replies.TryDequeue(out var reply) ? reply : ScriptedReply.Error(500));
        QuestionAnswer answer;
        try
        {
            answer = await user.AskAsync(userId, "hello");
        }
        finally
        {
            silo.Model.Respond(null);
        }

        Assert.Equal(QuestionOutcome.Answered, answer.Outcome);
        var stage = Assert.Single(await StageRowsAsync(answer.ConversationId!));
        Assert.Equal((1_000L, 100L, 200L, true), (stage.Input, stage.Output, stage.Reasoning, stage.PriceKnown));
        Assert.Equal(1_000 * ReasoningSilo.InputPerMillion / 1_000_000m, stage.InputCost);
        Assert.Equal((100 + 200) * ReasoningSilo.OutputPerMillion / 1_000_000m, stage.OutputCost);
        Assert.Equal("1,300 tokens · $0.00105", UsageText.For(answer));

        var report = await silo.Grains.GetGrain<IUsageGrain>(0).ForUserAsync(userId, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));
        Assert.Equal((1_000L, 100L, 200L, 0L), (report.InputTokens, report.OutputTokens, report.ReasoningTokens, report.UnpricedCalls));
        Assert.Equal(0.00105m, report.Cost);
        var byModel = Assert.Single(report.ByModel);
        Assert.Equal((ReasoningSilo.PricedModel, 200L), (byModel.Label, byModel.ReasoningTokens));
        var history = Assert.Single(await silo.Grains.GetGrain<IUsageGrain>(0).HistoryAsync(userId, 10));
        Assert.Equal(200, Assert.Single(history.Stages!).ReasoningTokens);
    }

    [Fact]
    public async Task ModelWithoutPrice_IsAnsweredAndRecorded_CostUnknownNotZero_WarnedOncePerModel()
    {
        var (userId, user) = await NewAskerAsync();
        var answers = new List<QuestionAnswer>();
        foreach (var question in new[] { "How many orders?", "And how many customers?" })
        {
            silo.Model.EnqueueJson(new { way = "SqlQuery", sql = "SELECT count(*) AS n FROM orders", answer = (string?)null }, 2_000, 50);
            silo.Model.EnqueueText("There are 4.", 500, 10);
            answers.Add(await user.AskAsync(userId, question));
        }

        Assert.All(answers, answer => Assert.Equal(QuestionOutcome.Answered, answer.Outcome));
        foreach (var answer in answers)
        {
            var rows = await StageRowsAsync(answer.ConversationId!);
            Assert.Equal([true, false], rows.Select(row => row.PriceKnown));
            var unpriced = rows[1];
            Assert.Equal((ReasoningSilo.UnpricedModel, 500L, 10L, 0m, 0m), (unpriced.Model, unpriced.Input, unpriced.Output, unpriced.InputCost, unpriced.OutputCost));
            // The summary call's cost is known, the answer call's is not: a lower bound, never a plain amount.
            Assert.Equal("2,560 tokens · ≥ $0.00073, price unknown for 1 call", UsageText.For(answer));
        }
        var report = await silo.Grains.GetGrain<IUsageGrain>(0).ForUserAsync(userId, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));
        Assert.Equal(2, report.UnpricedCalls);
        var unknownLine = Assert.Single(report.ByModel, line => line.Label == ReasoningSilo.UnpricedModel);
        Assert.Equal((2L, 0m, 2L), (unknownLine.Calls, unknownLine.Cost, unknownLine.UnpricedCalls));
        Assert.Equal(UsageText.PriceUnknown, UsageText.Cost(unknownLine.Cost, unknownLine.UnpricedCalls));
        var warnings = silo.Logs.Lines.Where(line => line.Contains($"Model {ReasoningSilo.UnpricedModel} has no price", StringComparison.Ordinal)).ToArray();
        var warning = Assert.Single(warnings);
        Assert.Contains($"ModelPrices:{ReasoningSilo.UnpricedModel}:Input", warning, StringComparison.Ordinal);
        Assert.StartsWith("Warning", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.00105", 0, "$0.00105")]
    [InlineData("0", 1, "price unknown")]
    [InlineData("0", 3, "price unknown")]
    [InlineData("0.00073", 1, "≥ $0.00073, price unknown for 1 call")]
    [InlineData("1.5", 2, "≥ $1.50000, price unknown for 2 calls")]
    [InlineData("0", 0, "$0.00000")]
    public void Cost_WithUnpricedCalls_IsNeverAPlainAmount(string amount, long unpricedCalls, string expected) =>
        Assert.Equal(expected, UsageText.Cost(decimal.Parse(amount, CultureInfo.InvariantCulture), unpricedCalls));

    private async Task<(long UserId, IUserGrain User)> NewAskerAsync()
    {
        var userId = await TestUsers.RegisterAsync(silo.Grains);
        var fileName = await ShopDatabases.SqliteShopAsync(silo.SqliteFolder);
        var added = await silo.Grains.GetGrain<IDatabasesGrain>(0).AddAsync(userId, "Shop", $"sqlite:///{fileName}");
        Assert.True(added.Succeeded, added.Message);
        return (userId, silo.Grains.GetGrain<IUserGrain>(userId));
    }

    private async Task<List<(string Model, long Input, long Output, long Reasoning, decimal InputCost, decimal OutputCost, bool PriceKnown)>> StageRowsAsync(string conversationId)
    {
        await using var connection = await silo.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Model, InputTokens, OutputTokens, ReasoningTokens, InputCost, OutputCost, PriceKnown
              FROM ConversationStages
             WHERE ConversationId = @id
             ORDER BY Sequence
            """;
        command.AddParameter("@id", conversationId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long, long, long, decimal, decimal, bool)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture),
                Convert.ToDecimal(reader.GetValue(4), CultureInfo.InvariantCulture), Convert.ToDecimal(reader.GetValue(5), CultureInfo.InvariantCulture),
                Convert.ToBoolean(reader.GetValue(6), CultureInfo.InvariantCulture)));
        }
        return rows;
    }
}

public sealed class SqliteReasoningTokenTests(SqliteReasoningSilo silo) : ReasoningTokenTests(silo), IClassFixture<SqliteReasoningSilo>;

public sealed class PostgreSqlReasoningTokenTests(PostgreSqlReasoningSilo silo) : ReasoningTokenTests(silo), IClassFixture<PostgreSqlReasoningSilo>;
