using System.Data.Common;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Grains.Budgets;

/// <summary>
/// What the cost ledger says an account spent: the <c>Conversations</c> rows (questions, scheduled runs) that started in a
/// period, each with all its model calls. A row is counted in the period its question started in, as the cost reports do.
/// </summary>
public sealed class BudgetLedger(AppDatabase database)
{
    private readonly MoneySql _money = MoneySql.For(database.Dialect);

    /// <summary>Spent per person of <paramref name="account"/> in the period, counting rows completed before <paramref name="cutoff"/>.</summary>
    public async Task<IReadOnlyDictionary<long, decimal>> SpentByUserAsync(BudgetAccount account, SpendPeriod period, DateTimeOffset cutoff,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT UserId, {_money.Sum("TotalCost")}
              FROM Conversations
             WHERE {Scope(account, command)} AND StartedAt >= @from AND StartedAt < @to AND CompletedAt < @cutoff
             GROUP BY UserId
            """;
        AddPeriod(command, period, cutoff);
        var spent = new Dictionary<long, decimal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) spent[DbValues.Int64(reader, 0)] = _money.ReadSum(reader, 1);
        return spent;
    }

    /// <summary>Every conversation's start and cost in the period, for the day-by-day chart (the caller buckets them by local day).</summary>
    public async Task<IReadOnlyList<(DateTimeOffset StartedAt, decimal Usd)>> CostsAsync(BudgetAccount account, SpendPeriod period,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT StartedAt, TotalCost
              FROM Conversations
             WHERE {Scope(account, command)} AND StartedAt >= @from AND StartedAt < @to AND CompletedAt < @cutoff
            """;
        AddPeriod(command, period, period.EndsAt);
        var costs = new List<(DateTimeOffset, decimal)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) costs.Add((DbValues.Timestamp(reader, 0), DbValues.Decimal(reader, 1)));
        return costs;
    }

    private static string Scope(BudgetAccount account, DbCommand command)
    {
        switch (account)
        {
            case { OrgId: { } orgId }:
                command.AddParameter("@orgId", orgId);
                return "OrgId = @orgId";
            case { UserId: { } userId }:
                command.AddParameter("@userId", userId);
                return "OrgId IS NULL AND UserId = @userId";
            default:
                return "1 = 1";
        }
    }

    private void AddPeriod(DbCommand command, SpendPeriod period, DateTimeOffset cutoff)
    {
        command.AddParameter("@from", database.Dialect.Timestamp(period.StartsAt));
        command.AddParameter("@to", database.Dialect.Timestamp(period.EndsAt));
        command.AddParameter("@cutoff", database.Dialect.Timestamp(cutoff));
    }
}
