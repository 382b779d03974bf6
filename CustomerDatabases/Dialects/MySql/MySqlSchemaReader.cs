using System.Data.Common;
using System.Globalization;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects.MySql;

/// <summary>
/// Reads the connection's own database from MySQL's and MariaDB's information_schema in four queries. A MySQL database
/// is what other servers call a schema, so tables get no schema name and the prompt writes them bare, as queries do;
/// a foreign key into another database keeps that database's name.
/// </summary>
public sealed class MySqlSchemaReader : ISchemaReader
{
    // BINARY makes the 500-table cut the same ordinal order the introspector sorts by. TABLE_ROWS is InnoDB's estimate
    // (exact for MyISAM) and NULL for views; MariaDB lists system-versioned tables as their own type, sequences are left out.
    // Comments are '' when none was written; a view's TABLE_COMMENT is the word "VIEW", never the user's.
    private const string TablesSql = """
        SELECT TABLE_NAME, TABLE_TYPE = 'VIEW', TABLE_ROWS, TABLE_COMMENT
        FROM information_schema.TABLES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE IN ('BASE TABLE', 'VIEW', 'SYSTEM VERSIONED')
        ORDER BY CAST(TABLE_NAME AS BINARY)
        LIMIT @max_tables
        """;

    private const string ColumnsSql = """
        SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE = 'YES', COLUMN_COMMENT
        FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = DATABASE()
        ORDER BY TABLE_NAME, ORDINAL_POSITION
        """;

    private const string PrimaryKeysSql = """
        SELECT TABLE_NAME, COLUMN_NAME
        FROM information_schema.KEY_COLUMN_USAGE
        WHERE TABLE_SCHEMA = DATABASE() AND CONSTRAINT_NAME = 'PRIMARY'
        ORDER BY TABLE_NAME, ORDINAL_POSITION
        """;

    private const string ForeignKeysSql = """
        SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_SCHEMA = DATABASE(), REFERENCED_TABLE_SCHEMA,
               REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME
        FROM information_schema.KEY_COLUMN_USAGE
        WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL
        ORDER BY TABLE_NAME, CAST(CONSTRAINT_NAME AS BINARY), ORDINAL_POSITION
        """;

    /// <summary>The catalog queries, for tests that check them without a server.</summary>
    internal static readonly string[] CatalogQueries = [TablesSql, ColumnsSql, PrimaryKeysSql, ForeignKeysSql];

    public async Task<IReadOnlyList<TableSchema>> ReadTablesAsync(DbConnection openConnection, int maxTables, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<string, TableDraft>(StringComparer.Ordinal);
        await CatalogQuery.ForEachRowAsync(openConnection, TablesSql, [("@max_tables", maxTables)], row =>
        {
            var isView = IsTrue(row.GetValue(1));
            tables[row.GetString(0)] = new TableDraft(null, row.GetString(0), isView,
                isView || row.IsDBNull(2) ? null : Convert.ToInt64(row.GetValue(2), CultureInfo.InvariantCulture),
                isView ? null : row.NullableString(3));
        }, cancellationToken);
        if (tables.Count == 0) return [];

        // All columns and keys of the database are read and those of tables past the cut dropped here: MariaDB refuses
        // LIMIT in an IN subquery, and the catalog rows are small.
        await CatalogQuery.ForEachRowAsync(openConnection, ColumnsSql, [], row =>
        {
            if (tables.TryGetValue(row.GetString(0), out var table))
                table.Columns.Add(new ColumnSchema(
                    row.GetString(1), MySqlTypeName.Shorten(row.GetString(2)), IsTrue(row.GetValue(3)), row.NullableString(4)));
        }, cancellationToken);
        await CatalogQuery.ForEachRowAsync(openConnection, PrimaryKeysSql, [], row =>
        {
            if (tables.TryGetValue(row.GetString(0), out var table)) table.PrimaryKey.Add(row.GetString(1));
        }, cancellationToken);
        await CatalogQuery.ForEachRowAsync(openConnection, ForeignKeysSql, [], row =>
        {
            if (!tables.TryGetValue(row.GetString(0), out var table)) return;
            var referencedSchema = IsTrue(row.GetValue(3)) ? null : row.GetString(4);
            table.AddForeignKeyColumn(row.GetString(1), row.GetString(2), referencedSchema, row.GetString(5), row.GetString(6));
        }, cancellationToken);

        return tables.Values.Select(table => table.ToSchema()).ToArray();
    }

    // Comparisons come back as integers whose width differs between MySQL and MariaDB.
    private static bool IsTrue(object value) => Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0;
}
