using System.Data.Common;
using OrleansAssistant.CustomerDatabases.Schema;
using OrleansAssistant.Grains.Interfaces.Databases;

namespace OrleansAssistant.CustomerDatabases.Dialects.PostgreSql;

/// <summary>Reads PostgreSQL's own catalog (pg_class, pg_attribute, pg_constraint) in four queries.</summary>
public sealed class PostgreSqlSchemaReader : ISchemaReader
{
    // Object ids travel as bigint: Npgsql has no default mapping for an array of oid.
    // Partitions are left out (their parent stands for them); reltuples is -1 until the first ANALYZE.
    // COLLATE "C" makes the 500-table cut the same ordinal order the introspector sorts by.
    // Comments (COMMENT ON) are fetched shortened: only their first words reach the prompt anyway.
    private const string TablesSql = """
        SELECT c.oid::bigint, n.nspname, c.relname, c.relkind = 'v' OR c.relkind = 'm' AS is_view,
               CASE WHEN c.relkind = 'v' OR c.reltuples < 0 THEN NULL ELSE c.reltuples::float8 END AS row_estimate,
               left(pg_catalog.obj_description(c.oid, 'pg_class'), 1000)
        FROM pg_catalog.pg_class AS c
        JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
          AND NOT c.relispartition
          AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
          AND n.nspname NOT LIKE 'pg\_temp\_%'
          AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
        ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C"
        LIMIT @max_tables
        """;

    private const string ColumnsSql = """
        SELECT a.attrelid::bigint, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
               left(pg_catalog.col_description(a.attrelid, a.attnum), 1000)
        FROM pg_catalog.pg_attribute AS a
        WHERE a.attrelid = ANY(@table_ids::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum
        """;

    private const string PrimaryKeysSql = """
        SELECT con.conrelid::bigint, a.attname
        FROM pg_catalog.pg_constraint AS con
        CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
        JOIN pg_catalog.pg_attribute AS a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
        WHERE con.contype = 'p' AND con.conrelid = ANY(@table_ids::oid[])
        ORDER BY con.conrelid, k.position
        """;

    // conparentid <> 0 marks the copies PostgreSQL makes for each partition of a referenced table.
    private const string ForeignKeysSql = """
        SELECT con.conrelid::bigint, con.oid::bigint, a.attname, rn.nspname, r.relname, ra.attname
        FROM pg_catalog.pg_constraint AS con
        JOIN pg_catalog.pg_class AS r ON r.oid = con.confrelid
        JOIN pg_catalog.pg_namespace AS rn ON rn.oid = r.relnamespace
        CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, referenced_attnum, position)
        JOIN pg_catalog.pg_attribute AS a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
        JOIN pg_catalog.pg_attribute AS ra ON ra.attrelid = con.confrelid AND ra.attnum = k.referenced_attnum
        WHERE con.contype = 'f' AND con.conparentid = 0 AND con.conrelid = ANY(@table_ids::oid[])
        ORDER BY con.conrelid, con.conname COLLATE "C", con.oid, k.position
        """;

    public async Task<IReadOnlyList<TableSchema>> ReadTablesAsync(DbConnection openConnection, int maxTables, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<long, TableDraft>();
        await CatalogQuery.ForEachRowAsync(openConnection, TablesSql, [("@max_tables", maxTables)], row =>
            tables[row.GetInt64(0)] = new TableDraft(
                row.GetString(1), row.GetString(2), row.GetBoolean(3),
                row.IsDBNull(4) ? null : (long)Math.Round(row.GetDouble(4)), row.NullableString(5)),
            cancellationToken);
        if (tables.Count == 0) return [];

        (string, object)[] tableIds = [("@table_ids", tables.Keys.ToArray())];
        await CatalogQuery.ForEachRowAsync(openConnection, ColumnsSql, tableIds, row =>
            tables[row.GetInt64(0)].Columns.Add(new ColumnSchema(row.GetString(1), row.GetString(2), row.GetBoolean(3), row.NullableString(4))),
            cancellationToken);
        await CatalogQuery.ForEachRowAsync(openConnection, PrimaryKeysSql, tableIds, row =>
            tables[row.GetInt64(0)].PrimaryKey.Add(row.GetString(1)),
            cancellationToken);
        await CatalogQuery.ForEachRowAsync(openConnection, ForeignKeysSql, tableIds, row =>
            tables[row.GetInt64(0)].AddForeignKeyColumn(
                row.GetInt64(1), row.GetString(2), row.GetString(3), row.GetString(4), row.GetString(5)),
            cancellationToken);

        return tables.Values.Select(table => table.ToSchema()).ToArray();
    }
}
