using Microsoft.Data.Sqlite;
using Npgsql;
using OrleansAssistant.Benchmarks.Storage;

namespace OrleansAssistant.Benchmarks.Load;

/// <summary>
/// The databases users connect with /adddb. SQLite: one file per person or organization in the folder every silo
/// is given (files need no server, so each gets its own). PostgreSQL: one scratch database all connect to.
/// </summary>
internal sealed class CustomerDatabases : IAsyncDisposable
{
    private readonly string _sqliteFolder;
    private readonly string _templateFile;
    private readonly ScratchPostgresDatabase? _postgres;
    private int _nextFile;

    private CustomerDatabases(string sqliteFolder, ScratchPostgresDatabase? postgres)
    {
        _sqliteFolder = sqliteFolder;
        _templateFile = Path.Combine(sqliteFolder, "sales-template.db");
        _postgres = postgres;
    }

    public static async Task<CustomerDatabases> CreateAsync(CustomerDatabaseKind kind, string sqliteFolder, string postgresServer, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(sqliteFolder);
        var postgres = kind == CustomerDatabaseKind.Postgres ? await ScratchPostgresDatabase.CreateAsync(postgresServer, cancellationToken) : null;
        var databases = new CustomerDatabases(sqliteFolder, postgres);
        if (postgres is null) await databases.CreateSqliteTemplateAsync(cancellationToken);
        else await databases.FillPostgresAsync(cancellationToken);
        return databases;
    }

    /// <summary>A connection string for /adddb: a fresh copy of the sales file, or the shared PostgreSQL database.</summary>
    public string NextConnectionString()
    {
        if (_postgres is not null) return _postgres.ConnectionString;
        var fileName = $"sales-{Interlocked.Increment(ref _nextFile)}.db";
        File.Copy(_templateFile, Path.Combine(_sqliteFolder, fileName));
        return $"sqlite:///{fileName}";
    }

    /// <summary>Runs <paramref name="sql"/> (the model's query) straight against the database (no grain, no guard), for the SQL share of a question.</summary>
    public async Task<double[]> TimeQueryAsync(string sql, int runs, CancellationToken cancellationToken)
    {
        var timings = new double[runs];
        if (_postgres is not null)
        {
            await using var connection = new NpgsqlConnection(_postgres.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            for (var i = 0; i < runs; i++) timings[i] = await TimeAsync(new NpgsqlCommand(sql, connection), cancellationToken);
        }
        else
        {
            await using var connection = new SqliteConnection($"Data Source={_templateFile};Mode=ReadOnly");
            await connection.OpenAsync(cancellationToken);
            for (var i = 0; i < runs; i++) timings[i] = await TimeAsync(new SqliteCommand(sql, connection), cancellationToken);
        }
        return timings;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }

    private static async Task<double> TimeAsync(System.Data.Common.DbCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            var begin = System.Diagnostics.Stopwatch.GetTimestamp();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) { }
            return Timing.MillisecondsSince(begin);
        }
    }

    private async Task CreateSqliteTemplateAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={_templateFile};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{SalesTable.CreateTable}; {SalesTable.InsertRows()};";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task FillPostgresAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_postgres!.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"{SalesTable.CreateTable}; {SalesTable.InsertRows()}; ANALYZE sales;", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
