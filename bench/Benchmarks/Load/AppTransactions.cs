using Npgsql;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>
/// Transactions committed in the app database, from PostgreSQL's own statistics: every silo's and the gateway's
/// (cluster membership included), and the few of the benchmark's own readings.
/// </summary>
internal static class AppTransactions
{
    public static async Task<long> CommittedAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
