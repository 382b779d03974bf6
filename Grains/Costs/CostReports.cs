using System.Data.Common;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Costs;

/// <summary>
/// Spend of a user or an organization over [from, to), exact to the last decimal in every dialect.
/// A question belongs to the range it started in, with all its model calls, so every report over the
/// same range adds up to the same totals. An organization's whole UTC days are read from the daily
/// totals, anything else from the ledger rows (<see cref="CostSource"/>).
/// </summary>
public sealed partial class CostReports
{
    private readonly AppDatabase _database;
    private readonly MoneySql _money;
    private readonly Func<CostScope, DateTimeOffset, DateTimeOffset, CostSource> _source;

    public CostReports(AppDatabase database) : this(database, CostSource.For)
    {
    }

    private CostReports(AppDatabase database, Func<CostScope, DateTimeOffset, DateTimeOffset, CostSource> source) =>
        (_database, _money, _source) = (database, MoneySql.For(database.Dialect), source);

    /// <summary>
    /// Reports read from the ledger rows whatever the scope and range: slower, but independent of the daily
    /// totals, so comparing them with the usual reports checks those totals (after manual data fixes, say).
    /// </summary>
    public static CostReports FromLedgerRows(AppDatabase database) => new(database, (_, _, _) => CostSource.Rows);

    public async Task<CostTotals> TotalsAsync(CostScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(from, to, (command, source) => $"""
            SELECT {source.QuestionCount}, {Tokens("c.InputTokens")}, {Tokens("c.OutputTokens")},
                   {source.Money(_money, "c.InputCost")}, {source.Money(_money, "c.OutputCost")}
              FROM {source.Questions(scope, command)}
            """,
            reader => new CostTotals(DbValues.Int64(reader, 0), DbValues.Int64(reader, 1), DbValues.Int64(reader, 2),
                                     _money.ReadSum(reader, 3), _money.ReadSum(reader, 4)),
            _source(scope, from, to), cancellationToken);
        // Reasoning and prices are facts of the calls, not of the question rows: read them from the calls.
        var calls = await QueryAsync(from, to, (command, source) => $"""
            SELECT {Tokens("s.ReasoningTokens")}, {source.UnpricedCallCount}
              FROM {source.Calls(scope, command)}
            """,
            reader => (Reasoning: DbValues.Int64(reader, 0), Unpriced: DbValues.Int64(reader, 1)),
            _source(scope, from, to), cancellationToken);
        return rows[0] with { ReasoningTokens = calls[0].Reasoning, UnpricedCalls = calls[0].Unpriced };
    }

    public async Task<IReadOnlyList<ModelCost>> ByModelAsync(CostScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(from, to, (command, source) => $"""
            SELECT s.Model, {source.CallCount}, {Tokens("s.InputTokens")}, {Tokens("s.OutputTokens")},
                   {source.Money(_money, "s.InputCost")}, {source.Money(_money, "s.OutputCost")},
                   {Tokens("s.ReasoningTokens")}, {source.UnpricedCallCount}
              FROM {source.Calls(scope, command)}
             GROUP BY s.Model
            """,
            reader => new ModelCost(reader.GetString(0), DbValues.Int64(reader, 1), DbValues.Int64(reader, 2), DbValues.Int64(reader, 3),
                                    _money.ReadSum(reader, 4), _money.ReadSum(reader, 5), DbValues.Int64(reader, 6), DbValues.Int64(reader, 7)),
            _source(scope, from, to), cancellationToken);
        return [.. rows.OrderByDescending(row => row.TotalCost).ThenBy(row => row.Model, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<StageCost>> ByStageAsync(CostScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(from, to, (command, source) => $"""
            SELECT s.StageNumber, s.StageName, {source.CallCount}, {Tokens("s.InputTokens")}, {Tokens("s.OutputTokens")},
                   {source.Money(_money, "s.InputCost")}, {source.Money(_money, "s.OutputCost")},
                   {Tokens("s.ReasoningTokens")}, {source.UnpricedCallCount}
              FROM {source.Calls(scope, command)}
             GROUP BY s.StageNumber, s.StageName
            """,
            reader => new StageCost((int)DbValues.Int64(reader, 0), reader.GetString(1), DbValues.Int64(reader, 2), DbValues.Int64(reader, 3),
                                    DbValues.Int64(reader, 4), _money.ReadSum(reader, 5), _money.ReadSum(reader, 6),
                                    DbValues.Int64(reader, 7), DbValues.Int64(reader, 8)),
            _source(scope, from, to), cancellationToken);
        return [.. rows.OrderBy(row => row.StageNumber).ThenBy(row => row.StageName, StringComparer.Ordinal)];
    }

    /// <summary>The organization's spend per member, the biggest spender first.</summary>
    public async Task<IReadOnlyList<UserCost>> ByUserAsync(string orgId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var scope = CostScope.Organization(orgId);
        var rows = await QueryAsync(from, to, (command, source) => $"""
            SELECT c.UserId, {source.QuestionCount}, {Tokens("c.InputTokens")}, {Tokens("c.OutputTokens")},
                   {source.Money(_money, "c.InputCost")}, {source.Money(_money, "c.OutputCost")}
              FROM {source.Questions(scope, command)}
             GROUP BY c.UserId
            """,
            reader => new UserCost(DbValues.Int64(reader, 0), DbValues.Int64(reader, 1), DbValues.Int64(reader, 2), DbValues.Int64(reader, 3),
                                   _money.ReadSum(reader, 4), _money.ReadSum(reader, 5)),
            _source(scope, from, to), cancellationToken);
        var calls = await QueryAsync(from, to, (command, source) => $"""
            SELECT {source.CallUserId}, {Tokens("s.ReasoningTokens")}, {source.UnpricedCallCount}
              FROM {source.Calls(scope, command)}
             GROUP BY {source.CallUserId}
            """,
            reader => (UserId: DbValues.Int64(reader, 0), Reasoning: DbValues.Int64(reader, 1), Unpriced: DbValues.Int64(reader, 2)),
            _source(scope, from, to), cancellationToken);
        var callsByUser = calls.ToDictionary(row => row.UserId);
        return [.. rows
            .Select(row => callsByUser.TryGetValue(row.UserId, out var user) ? row with { ReasoningTokens = user.Reasoning, UnpricedCalls = user.Unpriced } : row)
            .OrderByDescending(row => row.TotalCost).ThenBy(row => row.UserId)];
    }

    public async Task<InputOutputSplit> InputOutputAsync(CostScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var totals = await TotalsAsync(scope, from, to, cancellationToken);
        return new InputOutputSplit(new TokenSpend(totals.InputTokens, totals.InputCost), new TokenSpend(totals.OutputTokens, totals.OutputCost),
                                    totals.ReasoningTokens, totals.UnpricedCalls);
    }

    // bigint before summing: SQL Server sums an int column as int, which overflows at 2^31 tokens.
    private static string Tokens(string column) => $"COALESCE(SUM(CAST({column} AS bigint)), 0)";

    /// <param name="sql">Builds the query from the source, binding the scope on the command; the date range is bound here.</param>
    private async Task<List<T>> QueryAsync<T>(DateTimeOffset from, DateTimeOffset to, Func<DbCommand, CostSource, string> sql,
                                              Func<DbDataReader, T> read, CostSource source, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql(command, source);
        command.AddParameter("@from", _database.Dialect.Timestamp(from));
        command.AddParameter("@to", _database.Dialect.Timestamp(to));
        if (command.CommandText.Contains("@priceUnknown", StringComparison.Ordinal)) CostSource.BindPriceUnknown(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }
}
