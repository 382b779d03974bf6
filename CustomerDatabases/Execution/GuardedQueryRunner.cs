using System.Data.Common;
using System.Diagnostics;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Execution;

/// <summary>
/// Runs one statement that already passed the guard, inside the provider's limited session, and
/// rolls the transaction back unless it is a confirmed write.
/// </summary>
public static class GuardedQueryRunner
{
    public const string UnavailableMessage = "The database is unavailable right now.";

    public static async Task<QueryResult> RunAsync(
        CustomerDatabaseDriver driver, string connectionString, string sql, bool isWrite, QueryLimits limits, CancellationToken cancellationToken)
    {
        if (driver.BlockingGate is not { } gate) return await RunNowAsync(driver, connectionString, sql, isWrite, limits, cancellationToken);
        await gate.WaitAsync(cancellationToken);
        try
        {
            // On a thread of its own: the blocking driver must not hold up the caller's thread.
            return await Task.Run(() => RunNowAsync(driver, connectionString, sql, isWrite, limits, cancellationToken), cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<QueryResult> RunNowAsync(
        CustomerDatabaseDriver driver, string connectionString, string sql, bool isWrite, QueryLimits limits, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        DbConnection connection;
        DbTransaction transaction;
        try
        {
            (connection, transaction) = await driver.BeginAsync(connectionString, readOnly: !isWrite, limits, cancellationToken);
        }
        catch (Exception error) when (error is DbException or InvalidOperationException or TimeoutException or IOException)
        {
            return QueryResult.Problem(QueryOutcome.Unavailable, UnavailableMessage, clock.Elapsed);
        }

        try
        {
            return await ExecuteAsync(driver, connection, transaction, sql, isWrite, limits, clock, cancellationToken);
        }
        finally
        {
            // The statement may have ended the transaction itself (COMMIT); a failed rollback then is expected.
            try { await transaction.DisposeAsync(); } catch (DbException) { }
            await connection.DisposeAsync();
        }
    }

    private static async Task<QueryResult> ExecuteAsync(CustomerDatabaseDriver driver, DbConnection connection, DbTransaction transaction,
        string sql, bool isWrite, QueryLimits limits, Stopwatch clock, CancellationToken cancellationToken)
    {
        // The client-side deadline backs up the server-side one (and is SQLite's only one).
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limits.Timeout + TimeSpan.FromSeconds(1));
        using var stop = driver.StopOnCancel(connection, deadline.Token);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.CommandTimeout = (int)limits.Timeout.TotalSeconds + 2;
            await driver.AsOneStatementAsync(command, deadline.Token);
            if (!isWrite)
            {
                await using var reader = await command.ExecuteReaderAsync(deadline.Token);
                return await ReadAsync(reader, limits.MaxRows, clock, deadline.Token);
            }
            var affected = await command.ExecuteNonQueryAsync(deadline.Token);
            await transaction.CommitAsync(deadline.Token);
            return new QueryResult(QueryOutcome.Succeeded, $"{affected} row(s) changed.", [], [], false, affected, clock.Elapsed);
        }
        catch (Exception error) when (driver.IsTimeout(error) || error is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return QueryResult.Problem(QueryOutcome.TimedOut,
                $"The query took longer than {limits.Timeout.TotalSeconds:0} seconds and was stopped.", clock.Elapsed);
        }
        catch (Exception error) when (error is InvalidCastException or OverflowException)
        {
            return QueryResult.Problem(QueryOutcome.Failed, $"A value in the result could not be read ({error.GetType().Name}).", clock.Elapsed);
        }
        catch (DbException error)
        {
            // The database's own words (e.g. an unknown column) let a repair round correct the SQL.
            return QueryResult.Problem(QueryOutcome.Failed, error.Message, clock.Elapsed);
        }
    }

    private static async Task<QueryResult> ReadAsync(DbDataReader reader, int maxRows, Stopwatch clock, CancellationToken cancellationToken)
    {
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var kinds = new ValueKind?[names.Length];
        var rows = new List<IReadOnlyList<string?>>();
        var truncated = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (rows.Count == maxRows)
            {
                truncated = true;
                break;
            }
            var row = new string?[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                var (kind, text) = CellValue.From(reader.IsDBNull(i) ? null : reader.GetValue(i));
                row[i] = text;
                if (text is not null) kinds[i] = CellValue.Combine(kinds[i], kind);
            }
            rows.Add(row);
        }
        var columns = names.Select((name, i) => new ResultColumn(name, kinds[i] ?? ValueKind.Text)).ToArray();
        var message = truncated ? $"Only the first {maxRows} rows are shown; the result has more." : null;
        return new QueryResult(QueryOutcome.Succeeded, message, columns, rows, truncated, null, clock.Elapsed);
    }
}
