using System.Data.Common;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Costs;

/// <summary>
/// Recomputes the daily cost totals from the ledger rows, for operators after fixing ledger rows by hand
/// and for loads that insert rows without the ledger. Run it while no questions of those days are being
/// recorded: a question written meanwhile can make it fail on a duplicate key (run it again then).
/// </summary>
public static class CostAggregateRebuild
{
    /// <summary>
    /// Replaces the totals of the UTC days touching [<paramref name="from"/>, <paramref name="to"/>) (every day
    /// when null) with sums of the ledger rows, in one transaction.
    /// </summary>
    public static async Task RebuildAsync(AppDatabase database, DateTimeOffset? from = null, DateTimeOffset? to = null,
                                          CancellationToken cancellationToken = default)
    {
        var dialect = database.Dialect;
        var days = DayRange.Covering(dialect, from, to);
        var money = MoneySql.For(dialect);
        var day = dialect.UtcDayStart("c.StartedAt");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(transaction, days, $"DELETE FROM DailyModelCosts WHERE {days.Condition("Day")}", cancellationToken);
        await ExecuteAsync(transaction, days, $"DELETE FROM DailyQuestionCosts WHERE {days.Condition("Day")}", cancellationToken);
        await ExecuteAsync(transaction, days, $"""
            INSERT INTO DailyModelCosts (OrgId, Day, UserId, Model, StageNumber, StageName, Calls, InputTokens, OutputTokens, InputCost, OutputCost,
                                         ReasoningTokens, UnpricedCalls)
            SELECT OrgId, Day, UserId, Model, StageNumber, StageName, COUNT(*), {Tokens("InputTokens")}, {Tokens("OutputTokens")},
                   {money.Sum("InputCost")}, {money.Sum("OutputCost")}, {Tokens("ReasoningTokens")}, {CostSource.UnpricedCount("PriceKnown")}
              FROM (SELECT c.OrgId, {day} AS Day, c.UserId, s.Model, s.StageNumber, s.StageName,
                           s.InputTokens, s.OutputTokens, s.InputCost, s.OutputCost, s.ReasoningTokens, s.PriceKnown
                      FROM ConversationStages s
                      JOIN Conversations c ON c.ConversationId = s.ConversationId
                     WHERE c.OrgId IS NOT NULL AND {days.Condition("c.StartedAt")}) calls
             GROUP BY OrgId, Day, UserId, Model, StageNumber, StageName
            """, cancellationToken);
        await ExecuteAsync(transaction, days, $"""
            INSERT INTO DailyQuestionCosts (OrgId, Day, UserId, Questions, InputTokens, OutputTokens, InputCost, OutputCost)
            SELECT OrgId, Day, UserId, COUNT(*), {Tokens("InputTokens")}, {Tokens("OutputTokens")},
                   {money.Sum("InputCost")}, {money.Sum("OutputCost")}
              FROM (SELECT c.OrgId, {day} AS Day, c.UserId, c.InputTokens, c.OutputTokens, c.InputCost, c.OutputCost
                      FROM Conversations c
                     WHERE c.OrgId IS NOT NULL AND {days.Condition("c.StartedAt")}) questions
             GROUP BY OrgId, Day, UserId
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // bigint before summing: SQL Server sums an int column as int.
    private static string Tokens(string column) => $"SUM(CAST({column} AS bigint))";

    private static async Task ExecuteAsync(DbTransaction transaction, DayRange days, string sql, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        // A whole ledger can take longer than the default 30 s; the caller's token still stops it.
        command.CommandTimeout = 0;
        days.Bind(command);
        if (sql.Contains("@priceUnknown", StringComparison.Ordinal)) CostSource.BindPriceUnknown(command);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Whole UTC days, open-ended on a side that is null, as timestamps of the dialect.</summary>
    private sealed record DayRange(SqlDialect Dialect, DateTimeOffset? From, DateTimeOffset? To)
    {
        public static DayRange Covering(SqlDialect dialect, DateTimeOffset? from, DateTimeOffset? to) =>
            new(dialect, from is { } start ? DailyCostAggregates.DayOf(start) : null, to is { } end ? DayStartAtOrAfter(end) : null);

        private static DateTimeOffset DayStartAtOrAfter(DateTimeOffset end)
        {
            var day = DailyCostAggregates.DayOf(end);
            return day == end ? day : day.AddDays(1);
        }

        public string Condition(string column) =>
            $"{(From is null ? "1 = 1" : $"{column} >= @from")} AND {(To is null ? "1 = 1" : $"{column} < @to")}";

        public void Bind(DbCommand command)
        {
            if (From is { } from) command.AddParameter("@from", Dialect.Timestamp(from));
            if (To is { } to) command.AddParameter("@to", Dialect.Timestamp(to));
        }
    }
}
