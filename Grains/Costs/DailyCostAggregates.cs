using System.Data.Common;
using OrleansAssistant.Grains.Storage.Batching;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Costs;

/// <summary>
/// Adds recorded questions to the daily totals the organization reports read (<c>DailyModelCosts</c>,
/// <c>DailyQuestionCosts</c>), inside the ledger's transaction, so the totals never disagree with the rows.
/// The day is the UTC day the question started: a question belongs to the range it started in, with all its calls.
/// </summary>
internal sealed class DailyCostAggregates(AppDatabase database) : IBatchFinisher
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

    /// <summary>
    /// Adds the questions of one batch: the calls of all of them grouped per totals row, so a row shared by several
    /// questions is written once. Rows go in one fixed order (every call row by key, then every question row by key):
    /// concurrent writers lock them in the same order and so cannot deadlock each other.
    /// </summary>
    public void Finish(StatementBatch statements, IReadOnlyList<BatchedWrite> writes)
    {
        // Only organization reports read the totals; a user's own report reads the rows.
        var questions = writes.Cast<ConversationLedger.ConversationWrite>()
            .Where(write => write.Conversation.OrgId is not null)
            .Select(write => (Key: new QuestionRow(write.Conversation.OrgId!, DayOf(write.Conversation.StartedAt), write.Conversation.UserId), write.Stages))
            .ToArray();
        var calls = questions
            .SelectMany(question => question.Stages.Select(stage => (Question: question.Key, Stage: stage)))
            .GroupBy(call => (call.Question, call.Stage.Model, call.Stage.StageNumber, call.Stage.StageName))
            .OrderBy(group => group.Key.Question, QuestionRow.Order)
            .ThenBy(group => group.Key.Model, StringComparer.Ordinal)
            .ThenBy(group => group.Key.StageNumber)
            .ThenBy(group => group.Key.StageName, StringComparer.Ordinal);
        foreach (var group in calls)
        {
            var totals = StageTotals.Of(group.Select(call => call.Stage));
            var command = Command(statements, _addModelCalls, group.Key.Question, ("@Calls", totals.Calls), totals);
            command.AddParameter("@Model", group.Key.Model);
            command.AddParameter("@StageNumber", group.Key.StageNumber);
            command.AddParameter("@StageName", group.Key.StageName);
            command.AddParameter("@ReasoningTokens", (long)totals.ReasoningTokens);
            command.AddParameter("@UnpricedCalls", (long)totals.UnpricedCalls);
        }
        foreach (var group in questions.GroupBy(question => question.Key).OrderBy(group => group.Key, QuestionRow.Order))
        {
            var totals = StageTotals.Of(group.SelectMany(question => question.Stages));
            Command(statements, _addQuestion, group.Key, ("@Questions", group.Count()), totals);
        }
    }

    /// <summary>The key of a <c>DailyQuestionCosts</c> row, which starts the key of its <c>DailyModelCosts</c> rows.</summary>
    private sealed record QuestionRow(string OrgId, DateTimeOffset Day, long UserId)
    {
        public static readonly IComparer<QuestionRow> Order = Comparer<QuestionRow>.Create((left, right) =>
        {
            var byOrg = string.CompareOrdinal(left.OrgId, right.OrgId);
            if (byOrg != 0) return byOrg;
            var byDay = left.Day.CompareTo(right.Day);
            return byDay != 0 ? byDay : left.UserId.CompareTo(right.UserId);
        });
    }

    private DbCommand Command(StatementBatch statements, string sql, QuestionRow row, (string Parameter, long Value) count, StageTotals totals)
    {
        var command = statements.Add(sql);
        command.AddParameter("@OrgId", row.OrgId);
        command.AddParameter("@Day", database.Dialect.Timestamp(row.Day));
        command.AddParameter("@UserId", row.UserId);
        command.AddParameter(count.Parameter, count.Value);
        command.AddParameter("@InputTokens", (long)totals.InputTokens);
        command.AddParameter("@OutputTokens", (long)totals.OutputTokens);
        command.AddParameter("@InputCost", _money.DailyTotal(totals.InputCost));
        command.AddParameter("@OutputCost", _money.DailyTotal(totals.OutputCost));
        return command;
    }
}
