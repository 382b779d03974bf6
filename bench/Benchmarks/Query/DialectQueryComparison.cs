using System.Globalization;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using OrleansAssistant.CustomerDatabases.Demo;
using OrleansAssistant.CustomerDatabases.Execution;
using OrleansAssistant.Grains.Interfaces.Databases;
using OrleansAssistant.TestSupport;

namespace OrleansAssistant.Benchmarks.Query;

/// <summary>
/// The demo's questions run through <see cref="GuardedQueryRunner"/> (limited session, row and time limits, rollback)
/// on the SQLite demo file and on the same rows copied into MySQL / MariaDB, side by side.
/// </summary>
internal static class DialectQueryComparison
{
    private const int TimedQueries = 200;
    private const int WarmUpQueries = 20;
    private const int LookupSeed = 20_240_101;

    /// <param name="mySqlServer">A login that may create and drop a database; null measures SQLite only.</param>
    public static async Task<IReadOnlyList<DialectQueryResult>> RunAsync(string? mySqlServer, CancellationToken cancellationToken)
    {
        using var folder = new TempDirectory();
        var sqlitePath = Path.Combine(folder.Path, DemoSalesDatabase.FileName);
        await DemoSalesDatabase.EnsureCreatedAsync(sqlitePath, cancellationToken);
        try
        {
            var sqlite = new Engine(CustomerDatabaseDriver.For(DatabaseProvider.Sqlite), $"Data Source={sqlitePath}");
            var queries = await QueriesAsync(sqlite, cancellationToken);
            await using var copy = mySqlServer is null ? null : await MySqlDemoCopy.CreateAsync(mySqlServer, sqlitePath, cancellationToken);
            var mySql = copy is null ? null : new Engine(CustomerDatabaseDriver.For(DatabaseProvider.MySql), copy.ConnectionString);
            var results = new List<DialectQueryResult>();
            foreach (var (name, sql) in queries)
            {
                var onSqlite = await sqlite.TimeAsync(sql, cancellationToken);
                results.Add(new DialectQueryResult(name, onSqlite, mySql is null ? null : await mySql.TimeAsync(sql, cancellationToken)));
            }
            return results;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>The measured shapes, with order ids drawn (fixed seed) from the demo's own range.</summary>
    private static async Task<IReadOnlyList<(string Name, Func<int, string> Sql)>> QueriesAsync(Engine sqlite, CancellationToken cancellationToken)
    {
        var lastOrderId = long.Parse((await sqlite.RunAsync(DemoQueries.LastOrderId, cancellationToken)).Rows[0][0]!, CultureInfo.InvariantCulture);
        var random = new Random(LookupSeed);
        var orderIds = Enumerable.Range(0, WarmUpQueries + TimedQueries).Select(_ => random.NextInt64(1, lastOrderId + 1)).ToArray();
        return
        [
            ("aggregate, sales by region", _ => DemoQueries.SalesByRegion),
            ("point lookup, order by id", i => DemoQueries.OrderById(orderIds[i])),
            ("max, last order id", _ => DemoQueries.LastOrderId),
        ];
    }

    private sealed record Engine(CustomerDatabaseDriver Driver, string ConnectionString)
    {
        public async Task<QueryResult> RunAsync(string sql, CancellationToken cancellationToken)
        {
            var result = await GuardedQueryRunner.RunAsync(Driver, ConnectionString, sql, isWrite: false, QueryLimits.Default, cancellationToken);
            // A failed query is fast, so its timing would flatter the figures.
            if (!result.Succeeded || result.Rows.Count == 0) throw new InvalidOperationException($"{Driver.Provider}: {result.Outcome} {result.Message} ({sql})");
            return result;
        }

        public async Task<LatencySummary> TimeAsync(Func<int, string> sql, CancellationToken cancellationToken)
        {
            for (var i = 0; i < WarmUpQueries; i++) await RunAsync(sql(i), cancellationToken);
            var (latencies, _) = await QueryLoad.SequentialAsync(TimedQueries, i => RunAsync(sql(WarmUpQueries + i), cancellationToken), cancellationToken);
            return LatencySummary.Of(latencies);
        }
    }

    /// <summary>A database of its own on the given server, holding the demo's rows, dropped when the run ends.</summary>
    private sealed class MySqlDemoCopy(string server, string name) : IAsyncDisposable
    {
        public string ConnectionString { get; } = new MySqlConnectionStringBuilder(server) { Database = name }.ConnectionString;

        private string Name => name;

        public static async Task<MySqlDemoCopy> CreateAsync(string server, string sqlitePath, CancellationToken cancellationToken)
        {
            var copy = new MySqlDemoCopy(server, $"bench_demo_{Guid.NewGuid():N}"[..30]);
            await copy.ExecuteAsync($"CREATE DATABASE `{copy.Name}` CHARACTER SET utf8mb4", cancellationToken);
            try
            {
                await DemoSalesMySql.CopyAsync(sqlitePath, copy.ConnectionString, cancellationToken);
                return copy;
            }
            catch
            {
                await copy.DisposeAsync(); // a failed copy leaves no database behind on the server
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            MySqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS `{name}`", CancellationToken.None);
        }

        private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
        {
            await using var connection = new MySqlConnection(server);
            await connection.OpenAsync(cancellationToken);
            await using var command = new MySqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
