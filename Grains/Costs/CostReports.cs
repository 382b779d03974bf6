using System.Data.Common;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Costs;

/// <summary>
/// Spend of a user or an organization over [from, to), exact to the last decimal in every dialect.
/// A question belongs to the range it started in, with all its model calls, so every report over the
/// same range adds up to the same totals.
/// </summary>
public sealed class CostReports(AppDatabase database)
{
    private readonly MoneySql _money = MoneySql.For(database.Dialect);

    public async Task<CostTotals> TotalsAsync(CostScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(scope, from, to, scopeCondition => $"""
            SELECT COUNT(*), {Tokens("c.InputTokens")}, {Tokens("c.OutputTokens")}, {_money.Sum("c.InputCost")}, {_money.Sum("c.OutputCost")}
              FROM Conversations c
             WHERE {scopeCondition}
            """,
            reader => new CostTotals(DbValues.Int64(reader, 0), DbValues.Int64(reader, 1), DbValues.Int64(reader, 2),
                                     _money.ReadSum(reader, 3), _money.ReadSum(reader, 4)),
            cancellationToken);
        return rows[0];
    }

    public async Task<IReadOnlyList<ModelCost>> ByModelAsync(CostScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(scope, from, to, scopeCondition => $"""
            SELECT s.Model, COUNT(*), {Tokens("s.InputTokens")}, {Tokens("s.OutputTokens")}, {_money.Sum("s.InputCost")}, {_money.Sum("s.OutputCost")}
              FROM ConversationStages s
              JOIN Conversations c ON c.ConversationId = s.ConversationId
             WHERE {scopeCondition}
             GROUP BY s.Model
            """,
            reader => new ModelCost(reader.GetString(0), DbValues.Int64(reader, 1), DbValues.Int64(reader, 2), DbValues.Int64(reader, 3),
                                    _money.ReadSum(reader, 4), _money.ReadSum(reader, 5)),
            cancellationToken);
        return [.. rows.OrderByDescending(row => row.TotalCost).ThenBy(row => row.Model, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<StageCost>> ByStageAsync(CostScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(scope, from, to, scopeCondition => $"""
            SELECT s.StageNumber, s.StageName, COUNT(*), {Tokens("s.InputTokens")}, {Tokens("s.OutputTokens")}, {_money.Sum("s.InputCost")}, {_money.Sum("s.OutputCost")}
              FROM ConversationStages s
              JOIN Conversations c ON c.ConversationId = s.ConversationId
             WHERE {scopeCondition}
             GROUP BY s.StageNumber, s.StageName
            """,
            reader => new StageCost((int)DbValues.Int64(reader, 0), reader.GetString(1), DbValues.Int64(reader, 2), DbValues.Int64(reader, 3),
                                    DbValues.Int64(reader, 4), _money.ReadSum(reader, 5), _money.ReadSum(reader, 6)),
            cancellationToken);
        return [.. rows.OrderBy(row => row.StageNumber).ThenBy(row => row.StageName, StringComparer.Ordinal)];
    }

    /// <summary>The organization's spend per member, the biggest spender first.</summary>
    public async Task<IReadOnlyList<UserCost>> ByUserAsync(string orgId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(CostScope.Organization(orgId), from, to, scopeCondition => $"""
            SELECT c.UserId, COUNT(*), {Tokens("c.InputTokens")}, {Tokens("c.OutputTokens")}, {_money.Sum("c.InputCost")}, {_money.Sum("c.OutputCost")}
              FROM Conversations c
             WHERE {scopeCondition}
             GROUP BY c.UserId
            """,
            reader => new UserCost(DbValues.Int64(reader, 0), DbValues.Int64(reader, 1), DbValues.Int64(reader, 2), DbValues.Int64(reader, 3),
                                   _money.ReadSum(reader, 4), _money.ReadSum(reader, 5)),
            cancellationToken);
        return [.. rows.OrderByDescending(row => row.TotalCost).ThenBy(row => row.UserId)];
    }

    public async Task<InputOutputSplit> InputOutputAsync(CostScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var totals = await TotalsAsync(scope, from, to, cancellationToken);
        return new InputOutputSplit(new TokenSpend(totals.InputTokens, totals.InputCost), new TokenSpend(totals.OutputTokens, totals.OutputCost));
    }

    // bigint before summing: SQL Server sums an int column as int, which overflows at 2^31 tokens.
    private static string Tokens(string column) => $"COALESCE(SUM(CAST({column} AS bigint)), 0)";

    /// <param name="sql">Builds the query from the scope's condition on <c>c</c>, to which the date range is added.</param>
    private async Task<List<T>> QueryAsync<T>(CostScope scope, DateTimeOffset from, DateTimeOffset to, Func<string, string> sql,
                                              Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql($"{scope.Condition("c", command)} AND c.StartedAt >= @from AND c.StartedAt < @to");
        command.AddParameter("@from", database.Dialect.Timestamp(from));
        command.AddParameter("@to", database.Dialect.Timestamp(to));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }
}
