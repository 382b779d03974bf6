using System.Data.Common;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects.SqlServer;

/// <summary>
/// Reads SQL Server's catalog views (sys.objects, sys.columns, sys.indexes, sys.foreign_keys).
/// No SQL Server can run where the tests run, so this reader stays on plain, long-stable catalog
/// queries; the tests only check that they parse.
/// </summary>
public sealed class SqlServerSchemaReader : ISchemaReader
{
    // The same cut as the table query, repeated in each detail query so no id list has to be sent.
    // A binary collation makes the cut the ordinal order the introspector sorts by.
    private const string PickedTables = """
        WITH picked AS (
            SELECT TOP (@max_tables) o.object_id
            FROM sys.objects AS o
            JOIN sys.schemas AS s ON s.schema_id = o.schema_id
            WHERE o.type IN ('U', 'V') AND o.is_ms_shipped = 0 AND s.name NOT IN ('sys', 'INFORMATION_SCHEMA')
            ORDER BY s.name COLLATE Latin1_General_BIN2, o.name COLLATE Latin1_General_BIN2)
        """;

    // Heap (index 0) or clustered index (1): one of them holds every row exactly once.
    // Descriptions are the MS_Description extended property, which SSMS and most tools write; minor_id 0 is the object itself.
    // The cast shortens a long one, whose first words are all the prompt keeps.
    private const string TablesSql = PickedTables + """

        SELECT o.object_id, s.name, o.name, CAST(CASE WHEN o.type = 'V' THEN 1 ELSE 0 END AS bit),
               (SELECT SUM(p.rows) FROM sys.partitions AS p WHERE p.object_id = o.object_id AND p.index_id IN (0, 1) AND o.type = 'U'),
               (SELECT CAST(ep.value AS nvarchar(1000)) FROM sys.extended_properties AS ep
                WHERE ep.class = 1 AND ep.major_id = o.object_id AND ep.minor_id = 0 AND ep.name = N'MS_Description')
        FROM sys.objects AS o
        JOIN sys.schemas AS s ON s.schema_id = o.schema_id
        WHERE o.object_id IN (SELECT object_id FROM picked);
        """;

    // Alias types are shown as their base type: the model knows varchar(20), not dbo.PhoneNumber.
    private const string ColumnsSql = PickedTables + """

        SELECT c.object_id, c.name,
               CASE WHEN t.is_user_defined = 1 AND t.is_assembly_type = 0 AND t.is_table_type = 0
                    THEN TYPE_NAME(t.system_type_id) ELSE t.name END,
               c.max_length, c.precision, c.scale, CAST(ISNULL(c.is_nullable, 1) AS bit),
               (SELECT CAST(ep.value AS nvarchar(1000)) FROM sys.extended_properties AS ep
                WHERE ep.class = 1 AND ep.major_id = c.object_id AND ep.minor_id = c.column_id AND ep.name = N'MS_Description')
        FROM sys.columns AS c
        JOIN sys.types AS t ON t.user_type_id = c.user_type_id
        WHERE c.object_id IN (SELECT object_id FROM picked)
        ORDER BY c.object_id, c.column_id;
        """;

    private const string PrimaryKeysSql = PickedTables + """

        SELECT i.object_id, c.name
        FROM sys.indexes AS i
        JOIN sys.index_columns AS ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
        JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
        WHERE i.is_primary_key = 1 AND ic.key_ordinal > 0 AND i.object_id IN (SELECT object_id FROM picked)
        ORDER BY i.object_id, ic.key_ordinal;
        """;

    private const string ForeignKeysSql = PickedTables + """

        SELECT fk.parent_object_id, fk.object_id, pc.name, rs.name, ro.name, rc.name
        FROM sys.foreign_keys AS fk
        JOIN sys.foreign_key_columns AS fkc ON fkc.constraint_object_id = fk.object_id
        JOIN sys.columns AS pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
        JOIN sys.objects AS ro ON ro.object_id = fk.referenced_object_id
        JOIN sys.schemas AS rs ON rs.schema_id = ro.schema_id
        JOIN sys.columns AS rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
        WHERE fk.parent_object_id IN (SELECT object_id FROM picked)
        ORDER BY fk.parent_object_id, fk.name COLLATE Latin1_General_BIN2, fkc.constraint_column_id;
        """;

    /// <summary>Every catalog query this reader runs, so they can be syntax-checked without a server.</summary>
    public static IReadOnlyList<string> CatalogQueries { get; } = [TablesSql, ColumnsSql, PrimaryKeysSql, ForeignKeysSql];

    public async Task<IReadOnlyList<TableSchema>> ReadTablesAsync(DbConnection openConnection, int maxTables, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<int, TableDraft>();
        (string, object)[] limit = [("@max_tables", maxTables)];

        await CatalogQuery.ForEachRowAsync(openConnection, TablesSql, limit, row =>
            tables[row.GetInt32(0)] = new TableDraft(
                row.GetString(1), row.GetString(2), row.GetBoolean(3), row.IsDBNull(4) ? null : row.GetInt64(4), row.NullableString(5)),
            cancellationToken);
        if (tables.Count == 0) return [];

        // A table created between two queries may appear in a later one: rows of unknown tables are skipped.
        await CatalogQuery.ForEachRowAsync(openConnection, ColumnsSql, limit, row =>
        {
            if (!tables.TryGetValue(row.GetInt32(0), out var table)) return;
            var type = SqlServerTypeName.Format(row.GetString(2), row.GetInt16(3), row.GetByte(4), row.GetByte(5));
            table.Columns.Add(new ColumnSchema(row.GetString(1), type, row.GetBoolean(6), row.NullableString(7)));
        }, cancellationToken);
        await CatalogQuery.ForEachRowAsync(openConnection, PrimaryKeysSql, limit, row =>
            tables.GetValueOrDefault(row.GetInt32(0))?.PrimaryKey.Add(row.GetString(1)),
            cancellationToken);
        await CatalogQuery.ForEachRowAsync(openConnection, ForeignKeysSql, limit, row =>
            tables.GetValueOrDefault(row.GetInt32(0))?.AddForeignKeyColumn(
                row.GetInt32(1), row.GetString(2), row.GetString(3), row.GetString(4), row.GetString(5)),
            cancellationToken);

        return tables.Values.Select(table => table.ToSchema()).ToArray();
    }
}
