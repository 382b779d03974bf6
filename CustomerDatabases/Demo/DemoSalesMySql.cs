using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace OrleansAssistant.CustomerDatabases.Demo;

/// <summary>
/// "Demo Sales" on MySQL / MariaDB: the generated SQLite file's tables and rows copied into an empty database, so the
/// same questions can be asked of both and their answers and timings compared.
/// </summary>
public static class DemoSalesMySql
{
    // Rows per INSERT: few round trips, and far below the server's 65,535 placeholders per statement.
    private const int RowsPerInsert = 500;

    /// <summary>Creates the demo tables in the empty database of <paramref name="mySqlConnectionString"/> and copies every row of the SQLite file.</summary>
    /// <returns>The rows copied, per table.</returns>
    public static async Task<IReadOnlyDictionary<string, long>> CopyAsync(string sqlitePath, string mySqlConnectionString, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sqlitePath);
        if (!File.Exists(sqlitePath)) throw new FileNotFoundException("The demo SQLite file is missing.", sqlitePath);
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlitePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await source.OpenAsync(cancellationToken);
        await using var target = new MySqlConnection(mySqlConnectionString);
        await target.OpenAsync(cancellationToken);

        foreach (var statement in DemoSalesMySqlSchema.Statements) await ExecuteAsync(target, null, statement, cancellationToken);
        await ExecuteAsync(target, null, DemoSalesMySqlSchema.OrderTotalsView, cancellationToken);

        var copied = new Dictionary<string, long>(StringComparer.Ordinal);
        // One transaction: a failed copy leaves empty tables, never half of them filled.
        await using var transaction = await target.BeginTransactionAsync(cancellationToken);
        foreach (var table in DemoSalesMySqlSchema.Tables)
        {
            copied[table] = await CopyTableAsync(source, target, transaction, table, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        await ExecuteAsync(target, null, $"ANALYZE TABLE {string.Join(", ", DemoSalesMySqlSchema.Tables)}", cancellationToken);
        return copied;
    }

    private static async Task<long> CopyTableAsync(
        SqliteConnection source, MySqlConnection target, MySqlTransaction transaction, string table, CancellationToken cancellationToken)
    {
        await using var read = source.CreateCommand();
        read.CommandText = $"SELECT * FROM {table}";
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var batch = new List<object?[]>(RowsPerInsert);
        long count = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[columns.Length];
            for (var i = 0; i < columns.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            batch.Add(row);
            if (batch.Count == RowsPerInsert) count += await InsertAsync(target, transaction, table, columns, batch, cancellationToken);
        }
        if (batch.Count > 0) count += await InsertAsync(target, transaction, table, columns, batch, cancellationToken);
        return count;
    }

    /// <summary>One multi-row INSERT of the batch, which is emptied.</summary>
    private static async Task<int> InsertAsync(
        MySqlConnection target, MySqlTransaction transaction, string table, string[] columns, List<object?[]> batch, CancellationToken cancellationToken)
    {
        await using var insert = target.CreateCommand();
        insert.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
        for (var r = 0; r < batch.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                sql.Append(c == 0 ? name : ", " + name);
                insert.Parameters.AddWithValue(name, batch[r][c] ?? DBNull.Value);
            }
            sql.Append(')');
        }
        insert.CommandText = sql.ToString();
        var inserted = await insert.ExecuteNonQueryAsync(cancellationToken);
        batch.Clear();
        return inserted;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
