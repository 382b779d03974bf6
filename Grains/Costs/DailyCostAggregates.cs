using System.Data.Common;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Costs;

/// <summary>
/// Adds a recorded question to the daily totals the organization reports read (<c>DailyModelCosts</c>,
/// <c>DailyQuestionCosts</c>), inside the ledger's transaction, so the totals never disagree with the rows.
/// The day is the UTC day the question started: a question belongs to the range it started in, with all its calls.
/// </summary>
internal sealed class DailyCostAggregates(AppDatabase database)
{
    private static readonly string[] ModelKey = ["OrgId", "Day", "UserId", "Model", "StageNumber", "StageName"];
    private static readonly string[] QuestionKey = ["OrgId", "Day", "UserId"];

    private readonly MoneySql _money = MoneySql.For(database.Dialect);
    private readonly string _addModelCalls = database.Dialect.AddToRow("DailyModelCosts", ModelKey,
        ["Calls", "InputTokens", "OutputTokens", "InputCost", "OutputCost", "ReasoningTokens", "UnpricedCalls"]);
    private readonly string _addQuestion = database.Dialect.AddToRow("DailyQuestionCosts", QuestionKey,
        ["Questions", "InputTokens", "OutputTokens", "InputCost", "OutputCost"]);

    /// <summary>The start (00:00 UTC) of the day <paramref name="startedAt"/> falls in: the <c>Day</c> of its totals.</summary>
    public static DateTimeOffset DayOf(DateTimeOffset startedAt) => new(startedAt.UtcDateTime.Date, TimeSpan.Zero);

    public async Task AddAsync(DbTransaction transaction, ConversationRecord conversation, IReadOnlyList<StageRecord> stages, CancellationToken cancellationToken)
    {
        // Only organization reports read the totals; a user's own report reads the rows.
        if (conversation.OrgId is not { } orgId) return;
        var day = database.Dialect.Timestamp(DayOf(conversation.StartedAt));
        // Rows in one fixed order (calls by key, then the question): concurrent writers lock them in the
        // same order and so cannot deadlock each other.
        var calls = stages.GroupBy(stage => (stage.Model, stage.StageNumber, stage.StageName))
            .OrderBy(group => group.Key.Model, StringComparer.Ordinal)
            .ThenBy(group => group.Key.StageNumber)
            .ThenBy(group => group.Key.StageName, StringComparer.Ordinal);
        foreach (var group in calls)
        {
            var totals = StageTotals.Of(group);
            await using var command = Command(transaction, _addModelCalls, orgId, day, conversation.UserId, ("@Calls", totals.Calls), totals);
            command.AddParameter("@Model", group.Key.Model);
            command.AddParameter("@StageNumber", group.Key.StageNumber);
            command.AddParameter("@StageName", group.Key.StageName);
            command.AddParameter("@ReasoningTokens", (long)totals.ReasoningTokens);
            command.AddParameter("@UnpricedCalls", (long)totals.UnpricedCalls);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var add = Command(transaction, _addQuestion, orgId, day, conversation.UserId, ("@Questions", 1), StageTotals.Of(stages));
        await add.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Command(DbTransaction transaction, string sql, string orgId, object day, long userId,
                              (string Parameter, long Value) count, StageTotals totals)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.AddParameter("@OrgId", orgId);
        command.AddParameter("@Day", day);
        command.AddParameter("@UserId", userId);
        command.AddParameter(count.Parameter, count.Value);
        command.AddParameter("@InputTokens", (long)totals.InputTokens);
        command.AddParameter("@OutputTokens", (long)totals.OutputTokens);
        command.AddParameter("@InputCost", _money.DailyTotal(totals.InputCost));
        command.AddParameter("@OutputCost", _money.DailyTotal(totals.OutputCost));
        return command;
    }
}
