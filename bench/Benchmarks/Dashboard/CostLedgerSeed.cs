using System.Diagnostics;
using Npgsql;
using OrleansAssistant.Grains.Costs;
using OrleansAssistant.Grains.Storage.Sql;

namespace OrleansAssistant.Benchmarks.Dashboard;

/// <summary>Fills the app database's cost ledger with a year of an organization's questions.</summary>
internal static class CostLedgerSeed
{
    public const int Conversations = 400_000;
    private const int Batches = 4;
    // Users of the other organizations: apart from the bench organization's ids.
    private const long OutsiderId = 9_300_000_000;

    public static async Task<SeedResult> RunAsync(string connectionString, CostOrganization organization, CancellationToken cancellationToken)
    {
        var begin = Stopwatch.GetTimestamp();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        const int perBatch = Conversations / Batches;
        for (var first = 1; first <= Conversations; first += perBatch)
        {
            await using var insert = Command(connection, CostLedgerSql.Insert);
            insert.Parameters.AddWithValue("now", now);
            insert.Parameters.AddWithValue("first", (long)first);
            insert.Parameters.AddWithValue("last", (long)(first + perBatch - 1));
            insert.Parameters.AddWithValue("orgId", organization.OrgId);
            insert.Parameters.AddWithValue("outsiderId", OutsiderId);
            insert.Parameters.AddWithValue("userIds", organization.UserIds);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        // The rows went in by SQL, beside the ledger: the daily totals the organization reports read are rebuilt from them.
        await CostAggregateRebuild.RebuildAsync(new AppDatabase(PostgreSqlDialect.Instance, connectionString), cancellationToken: cancellationToken);
        var insertedMs = Timing.MillisecondsSince(begin);
        await using (var vacuum = Command(connection, CostLedgerSql.Vacuum)) await vacuum.ExecuteNonQueryAsync(cancellationToken);
        await using (var vacuum = Command(connection, VacuumDailyTotals)) await vacuum.ExecuteNonQueryAsync(cancellationToken);
        var seededMs = Timing.MillisecondsSince(begin);

        await using var count = Command(connection, CostLedgerSql.Count);
        await using var reader = await count.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new SeedResult(reader.GetInt64(0), reader.GetInt64(1), Math.Round(insertedMs, 1), Math.Round(seededMs, 1));
    }

    private const string VacuumDailyTotals = "VACUUM (ANALYZE) DailyModelCosts, DailyQuestionCosts";

    // No command timeout: a million rows take longer than the default 30 s on a small machine; the run's token still stops it.
    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql) => new(sql, connection) { CommandTimeout = 0 };
}
