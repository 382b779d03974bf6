using System.Data.Common;
using System.Globalization;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects.Sqlite;

/// <summary>
/// Reads SQLite's schema through the pragma table-valued functions, with the table name bound as a
/// parameter so no name is ever spliced into SQL.
/// </summary>
public sealed partial class SqliteSchemaReader : ISchemaReader
{
    // SQLite reserves every name starting with "sqlite_" (sqlite_sequence, sqlite_stat1, ...).
    private const string TablesSql = """
        SELECT name, type = 'view', sql
        FROM sqlite_master
        WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
        ORDER BY name
        LIMIT @max_tables
        """;

    private const string ColumnsSql = """SELECT name, type, "notnull", pk FROM pragma_table_info(@table) ORDER BY cid""";
    private const string ForeignKeysSql = """SELECT id, "table", "from", "to" FROM pragma_foreign_key_list(@table) ORDER BY id, seq""";
    private const string PrimaryKeySql = "SELECT name FROM pragma_table_info(@table) WHERE pk > 0 ORDER BY pk";
    private const string HasStatisticsSql = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'";
    private const string StatisticsSql = "SELECT tbl, stat FROM sqlite_stat1";

    public async Task<IReadOnlyList<TableSchema>> ReadTablesAsync(DbConnection openConnection, int maxTables, CancellationToken cancellationToken)
    {
        var listed = new List<(string Name, bool IsView, string? Sql)>();
        await CatalogQuery.ForEachRowAsync(openConnection, TablesSql, [("@max_tables", maxTables)],
            row => listed.Add((row.GetString(0), row.GetBoolean(1), row.NullableString(2))), cancellationToken);

        var estimates = await ReadRowEstimatesAsync(openConnection, cancellationToken);
        var tables = new List<TableSchema>(listed.Count);
        foreach (var (name, isView, sql) in listed)
        {
            var draft = new TableDraft(null, name, isView, isView ? null : estimates.GetValueOrDefault(name));
            await ReadColumnsAsync(openConnection, name, isView, draft, cancellationToken);
            await ReadForeignKeysAsync(openConnection, name, draft, cancellationToken);
            AddComments(draft, sql);
            tables.Add(draft.ToSchema());
        }
        return tables;
    }

    private static async Task ReadColumnsAsync(DbConnection connection, string table, bool isView, TableDraft draft, CancellationToken cancellationToken)
    {
        var rows = new List<(string Name, string Type, bool NotNull, long KeyPosition)>();
        try
        {
            await CatalogQuery.ForEachRowAsync(connection, ColumnsSql, [("@table", table)],
                row => rows.Add((row.GetString(0), row.GetString(1), row.GetInt64(2) != 0, row.GetInt64(3))), cancellationToken);
        }
        catch (DbException) when (isView)
        {
            // A view over a dropped table cannot be described; list it without columns rather than fail the whole schema.
            return;
        }

        var keyColumns = rows.Where(row => row.KeyPosition > 0).OrderBy(row => row.KeyPosition).ToArray();
        // A lone INTEGER PRIMARY KEY is the rowid itself and never NULL, although the pragma reports notnull = 0.
        var rowidAlias = keyColumns is [var only] && string.Equals(only.Type, "INTEGER", StringComparison.OrdinalIgnoreCase) ? only.Name : null;

        foreach (var row in rows)
            draft.Columns.Add(new ColumnSchema(row.Name, row.Type, !row.NotNull && row.Name != rowidAlias));
        draft.PrimaryKey.AddRange(keyColumns.Select(row => row.Name));
    }

    private static async Task ReadForeignKeysAsync(DbConnection connection, string table, TableDraft draft, CancellationToken cancellationToken)
    {
        var rows = new List<(long Id, string Table, string From, string? To)>();
        await CatalogQuery.ForEachRowAsync(connection, ForeignKeysSql, [("@table", table)],
            row => rows.Add((row.GetInt64(0), row.GetString(1), row.GetString(2), row.NullableString(3))), cancellationToken);

        foreach (var key in rows.GroupBy(row => row.Id))
        {
            var referencedTable = key.First().Table;
            // "REFERENCES parent" without columns means the parent's primary key.
            var implicitTargets = key.Any(row => row.To is null)
                ? await ReadPrimaryKeyAsync(connection, referencedTable, cancellationToken)
                : [];
            foreach (var (row, position) in key.Select((row, position) => (row, position)))
            {
                var to = row.To ?? (position < implicitTargets.Count ? implicitTargets[position] : "rowid");
                draft.AddForeignKeyColumn(key.Key, row.From, null, referencedTable, to);
            }
        }
    }

    private static async Task<IReadOnlyList<string>> ReadPrimaryKeyAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        var columns = new List<string>();
        await CatalogQuery.ForEachRowAsync(connection, PrimaryKeySql, [("@table", table)],
            row => columns.Add(row.GetString(0)), cancellationToken);
        return columns;
    }

    /// <summary>SQLite keeps no live row counts; ANALYZE leaves them in sqlite_stat1 ("rows [per-index stats]").</summary>
    private static async Task<Dictionary<string, long?>> ReadRowEstimatesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var estimates = new Dictionary<string, long?>(StringComparer.OrdinalIgnoreCase);
        await using (var probe = connection.CreateCommand())
        {
            probe.CommandText = HasStatisticsSql;
            if (Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
                return estimates;
        }

        await CatalogQuery.ForEachRowAsync(connection, StatisticsSql, [], row =>
        {
            var rowCount = row.NullableString(1)?.Split(' ', 2)[0];
            if (long.TryParse(rowCount, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                estimates.TryAdd(row.GetString(0), count);
        }, cancellationToken);
        return estimates;
    }
}
